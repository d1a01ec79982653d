package io.leadflow.capture.domain;

import io.leadflow.capture.messaging.out.LeadErased;
import io.leadflow.capture.repository.EngagementRepository;
import io.leadflow.capture.repository.ErasureRepository;
import io.leadflow.capture.repository.IdempotencyKeyRepository;
import io.leadflow.capture.repository.LeadRepository;
import io.leadflow.capture.repository.SubmissionRepository;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Right to erasure. In one transaction: the person's data leaves the lead, every submission of it
 * and its outbox rows; its idempotency keys go; an {@code erasure} row records who erased it, when
 * and why; LeadErased tells every other service to do the same. Erasing an erased lead again
 * changes nothing and answers with the first erasure.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    static final int MAX_REASON = 500;
    static final int MAX_REFERENCE = 200;

    private final LeadRepository leads;
    private final SubmissionRepository submissions;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final ErasureRepository erasures;
    private final EngagementRepository engagements;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public ErasureService(LeadRepository leads, SubmissionRepository submissions, IdempotencyKeyRepository idempotencyKeys,
                          ErasureRepository erasures, EngagementRepository engagements, Outbox outbox, MeterRegistry meters) {
        this.engagements = engagements;
        this.leads = leads;
        this.submissions = submissions;
        this.idempotencyKeys = idempotencyKeys;
        this.erasures = erasures;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** A request: exactly one of {@code leadId} and {@code email}; who asks is the admin's token subject. */
    public record Request(UUID leadId, String email, String reason, String requestReference, String erasedBy) {
    }

    /**
     * What a request did: {@code created} false when the lead was erased before (nothing changed). The
     * erasures of the request, the one it named first.
     */
    public record Outcome(boolean created, List<Erasure> erasures) {
    }

    public Uni<Outcome> erase(Request request) {
        List<FieldError> errors = new ArrayList<>();
        if ((request.leadId() == null) == (request.email() == null || request.email().isBlank())) {
            errors.add(new FieldError("leadId", "give either leadId or email, not both"));
        }
        Optional<String> emailKey = Optional.empty();
        if (request.leadId() == null && request.email() != null && !request.email().isBlank()) {
            emailKey = LeadIdentity.of(request.email());
            if (emailKey.isEmpty()) {
                errors.add(new FieldError("email", "must be an e-mail address"));
            }
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (request.requestReference() != null && request.requestReference().length() > MAX_REFERENCE) {
            errors.add(new FieldError("requestReference", "must be at most " + MAX_REFERENCE + " characters"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        String key = emailKey.orElse(null);
        return Panache.withTransaction(() -> (key == null ? byId(request.leadId()) : byEmail(request.email(), key))
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().failure(new NotFoundException(key == null
                                ? "no lead " + request.leadId() : "no lead with this e-mail address"));
                    }
                    return erasures.findById(found.get(0).id).chain(earlier -> earlier != null
                            ? erasures.ofRequest(earlier.requestId).map(all -> new Outcome(false, all))
                            : eraseAll(found, request).map(all -> new Outcome(true, all)));
                }));
    }

    /** The erasures of the request that erased this lead, the one it named first; empty when the lead is not erased. */
    public Uni<List<Erasure>> find(UUID leadId) {
        return Panache.withSession(() -> erasures.findById(leadId).chain(erasure -> erasure == null
                ? Uni.createFrom().item(List.<Erasure>of())
                : erasures.ofRequest(erasure.requestId)));
    }

    /** The lead, locked until commit (a concurrent erasure of it waits, then finds this one's record). */
    private Uni<List<Lead>> byId(UUID leadId) {
        return leads.findById(leadId, LockModeType.PESSIMISTIC_WRITE).map(lead -> lead == null ? List.of() : List.of(lead));
    }

    /**
     * Every lead holding the address, locked: the person's lead (by identity key) first, then the leads
     * without a key that hold it too (spam caught by the bot traps, leads captured before one lead per
     * person), oldest first. After an erasure none is found: nothing of the address is left to match.
     */
    private Uni<List<Lead>> byEmail(String typed, String key) {
        String normalised = EmailAddresses.parse(typed.strip()).address().normalized().toLowerCase(Locale.ROOT);
        return leads.lockByEmailKey(key).chain(person -> leads
                .find("emailKey is null and lower(email) in (?1, ?2) order by capturedAt, id", normalised, key)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(unkeyed -> {
                    List<Lead> all = new ArrayList<>();
                    if (person != null) {
                        all.add(person);
                    }
                    all.addAll(unkeyed);
                    return all;
                }));
    }

    private Uni<List<Erasure>> eraseAll(List<Lead> found, Request request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID requestId = UUID.randomUUID();
        List<Erasure> done = new ArrayList<>();
        return Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(lead -> eraseOne(lead, lead == found.get(0), requestId, now, request)
                        .invoke(done::add))
                .collect().last()
                .map(last -> {
                    meters.counter("leadflow.capture.erasures").increment(done.size());
                    LOG.infof("erasure %s by %s: leads %s (reference %s)", requestId, request.erasedBy(),
                            done.stream().map(e -> e.leadId).toList(), request.requestReference());
                    return done;
                });
    }

    private Uni<Erasure> eraseOne(Lead lead, boolean requested, UUID requestId, Instant now, Request request) {
        Erasure erasure = new Erasure();
        erasure.leadId = lead.id;
        erasure.requestId = requestId;
        erasure.requested = requested;
        erasure.erasedAt = now;
        erasure.erasedBy = request.erasedBy();
        erasure.reason = request.reason();
        erasure.requestReference = request.requestReference();
        // Spam was never announced: nobody else holds it, there is nobody to tell.
        erasure.announced = lead.spamReason == null;
        String emailKey = lead.emailKey;
        PersonalData.erase(lead);
        return submissions.ofLead(lead.id)
                .chain(history -> {
                    List<String> visitorIds = history.stream().map(s -> s.visitorId).filter(Objects::nonNull)
                            .distinct().toList();
                    history.forEach(PersonalData::erase);
                    return engagements.deleteOfPerson(lead.id, emailKey, visitorIds);
                })
                .chain(() -> idempotencyKeys.delete("leadId", lead.id))
                .chain(() -> erasures.persist(erasure))
                .chain(() -> leads.flush())
                // The outbox rows hold the person's data; any not relayed yet still is (from the WAL), before LeadErased.
                .chain(() -> outbox.forget(lead.id))
                .chain(() -> erasure.announced
                        ? outbox.append(LeadErased.TYPE, lead.id, LeadErased.of(erasure)).replaceWith(erasure)
                        : Uni.createFrom().item(erasure));
    }
}
