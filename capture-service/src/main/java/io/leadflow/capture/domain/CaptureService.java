package io.leadflow.capture.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.forms.Form;
import io.leadflow.capture.forms.FormCatalog;
import io.leadflow.capture.forms.FormRules;
import io.leadflow.capture.messaging.out.LeadCaptured;
import io.leadflow.capture.messaging.out.LeadResubmitted;
import io.leadflow.capture.privacy.DoNotContactRepository;
import io.leadflow.capture.repository.IdempotencyKeyRepository;
import io.leadflow.capture.repository.LeadRepository;
import io.leadflow.capture.repository.SubmissionRepository;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a valid submission and announces it in the same transaction: a new person becomes a lead
 * (LeadCaptured); a known one, found by normalised e-mail, gets the submission added to their lead
 * (LeadResubmitted), so a person who fills in three forms is one lead, routed once.
 */
@ApplicationScoped
public class CaptureService {

    private final LeadRepository leads;
    private final SubmissionRepository submissions;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final Outbox outbox;
    private final EngagementService engagements;

    private final FormCatalog forms;
    private final DoNotContactRepository doNotContact;
    private final ObjectMapper mapper;
    private final CaptureConfig config;
    private final MeterRegistry meters;

    public CaptureService(LeadRepository leads, SubmissionRepository submissions, IdempotencyKeyRepository idempotencyKeys,
                          Outbox outbox, EngagementService engagements, FormCatalog forms, DoNotContactRepository doNotContact,
                          ObjectMapper mapper,
                          CaptureConfig config, MeterRegistry meters) {
        this.leads = leads;
        this.submissions = submissions;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.engagements = engagements;
        this.forms = forms;
        this.doNotContact = doNotContact;
        this.mapper = mapper;
        this.config = config;
        this.meters = meters;
    }

    /**
     * The outcome of a capture: the lead (the same one for every submission of a person), whether an
     * earlier request with the same key made it, and whether the person was already known.
     */
    public record Captured(UUID leadId, boolean replayed, boolean resubmitted) {
    }

    /**
     * Validates and stores a submission. Invalid input throws {@link InvalidRequestException} before
     * anything is written; with an idempotency key, a repeated request answers with the first lead,
     * and the same key with a different submission fails with {@link UnprocessableException} (422).
     */
    public Uni<Captured> capture(LeadSubmission raw, Channel channel, String idempotencyKey) {
        Normalised result = normalise(raw);
        if (!result.errors().isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        LeadSubmission submission = result.submission();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String spamReason = SpamCheck.reason(submission, now, config.spam().minFillTime()).orElse(null);
        if (idempotencyKey == null) {
            return inTransaction(() -> record(submission, result.phoneRaw(), channel, now, spamReason));
        }
        String fingerprint = fingerprint(submission, channel);
        // The lead row must exist before the key row that references it; a lost race rolls both back.
        return inTransaction(() -> record(submission, result.phoneRaw(), channel, now, spamReason).chain(captured -> idempotencyKeys
                        .claim(idempotencyKey, captured.leadId(), fingerprint)
                        .chain(claimed -> claimed
                                ? Uni.createFrom().item(captured)
                                : Uni.createFrom().failure(new KeyAlreadyUsed()))))
                .onFailure(KeyAlreadyUsed.class).recoverWithUni(() -> Panache.withSession(
                        () -> idempotencyKeys.findById(idempotencyKey).map(key -> {
                            if (key.requestSha256 != null && !key.requestSha256.equals(fingerprint)) {
                                throw new UnprocessableException("idempotency-key-reused", "This Idempotency-Key was "
                                        + "first used with a different request; use a new key for a new submission.");
                            }
                            return new Captured(key.leadId, true, false);
                        })));
    }

    /** A submission with the general rules and its form's applied (required fields, defaults), or all its errors. */
    private record Normalised(LeadSubmission submission, String phoneRaw, List<FieldError> errors) {
    }

    private Normalised normalise(LeadSubmission raw) {
        Optional<Form> form = forms.find(raw.formId() == null ? null : raw.formId().strip());
        SubmissionValidator.Result result = SubmissionValidator.validate(raw);
        List<FieldError> errors = new ArrayList<>(result.errors());
        // The form's required fields are checked on what was sent, so every problem is reported at once.
        form.ifPresent(f -> FormRules.missing(f, raw).stream()
                .filter(missing -> errors.stream().noneMatch(e -> e.field().equals(missing.field())))
                .forEach(errors::add));
        if (!errors.isEmpty()) {
            return new Normalised(null, null, List.copyOf(errors));
        }
        return new Normalised(form.map(f -> FormRules.withDefaults(f, result.submission())).orElse(result.submission()),
                result.phoneRaw(), List.of());
    }

    // ---------------------------------------------------------------- batches (imports)

    /**
     * A submission checked by exactly the rules of {@link #capture}: normalised, with its form's
     * requirements and defaults, and the SHA-256 {@code fingerprint} of the result (what an idempotency
     * key is compared with); or every error. Pure: nothing is read from or written to the database.
     */
    public record Checked(LeadSubmission submission, String phoneRaw, String fingerprint, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Checked check(LeadSubmission raw, Channel channel) {
        Normalised n = normalise(raw);
        return n.errors().isEmpty()
                ? new Checked(n.submission(), n.phoneRaw(), fingerprint(n.submission(), channel), List.of())
                : new Checked(null, null, null, n.errors());
    }

    /** A valid, checked submission to capture in a batch, with its idempotency key (or null). */
    public record BatchItem(Checked checked, String idempotencyKey) {
        public BatchItem {
            if (!checked.valid()) {
                throw new IllegalArgumentException("only valid submissions are captured: " + checked.errors());
            }
        }
    }

    /**
     * How one item of a batch went: captured (as {@link #capture} answers), or refused because its
     * idempotency key was first used with a different submission (the 422 of a single capture).
     */
    public record Batched(Captured captured, FieldError refused) {
    }

    /**
     * Captures many checked submissions in ONE transaction, each exactly as {@link #capture} would one
     * after the other: a new person's first submission creates the lead with LeadCaptured; every other
     * submission of a person (known before, or earlier in the batch) is added to that lead with
     * LeadResubmitted; an idempotency key already claimed (before, or earlier in the batch) answers with
     * its lead and stores nothing; the person's waiting engagement is linked (LeadEngaged) and a person
     * on the do-not-contact list is flagged. Answers one outcome per item, in order. Made for imports: callers
     * send a few hundred items at a time, so one transaction commits them all with a few round trips
     * per item instead of a transaction each. When the batch races a concurrent capture of the same new
     * person or key, the whole batch is rolled back and retried, as a single capture is.
     */
    public Uni<List<Batched>> captureBatch(List<BatchItem> items, Channel channel) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withTransaction(() -> recordBatch(items, channel))
                .onFailure(f -> isIdentityRace(f) || f instanceof KeyAlreadyUsed).retry().atMost(3);
    }

    /** One outbox row to write once the batch's rows are flushed. */
    private record PendingEvent(String type, UUID leadId, Object body) {
    }

    /** A person's waiting engagement to link once the batch's rows are flushed, as {@link #record} does per capture. */
    private record PendingLink(UUID leadId, String emailKey, String visitorId, UUID submissionId, Instant at) {
    }

    private Uni<Void> link(PendingLink l) {
        return engagements.linkWaiting(l.leadId(), l.emailKey(), l.visitorId(), l.submissionId(), l.at());
    }

    private Uni<List<Batched>> recordBatch(List<BatchItem> items, Channel channel) {
        List<String> keys = items.stream().map(BatchItem::idempotencyKey).filter(java.util.Objects::nonNull).distinct().toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession()
                .invoke(session -> session.setBatchSize(Math.min(items.size(), 200)))
                .chain(() -> keys.isEmpty() ? Uni.createFrom().item(List.<IdempotencyKey>of()) : idempotencyKeys.list("key in ?1", keys))
                .chain(claimedBefore -> {
                    java.util.Map<String, IdempotencyKey> claimed = new java.util.HashMap<>();
                    claimedBefore.forEach(k -> claimed.put(k.key, k));
                    List<String> people = new ArrayList<>();
                    List<String> spam = new ArrayList<>();
                    for (BatchItem item : items) {
                        String reason = SpamCheck.reason(item.checked().submission(), start, config.spam().minFillTime()).orElse(null);
                        spam.add(reason);
                        if (reason == null && (item.idempotencyKey() == null || !claimed.containsKey(item.idempotencyKey()))) {
                            people.add(LeadIdentity.emailKey(item.checked().submission().email()));
                        }
                    }
                    List<String> distinctPeople = people.stream().distinct().sorted().toList();
                    return leads.lockByEmailKeys(distinctPeople).chain(known -> {
                        // New people on the do-not-contact list are recorded flagged, as by a single capture.
                        java.util.Set<String> knownKeys = known.stream().map(l -> l.emailKey).collect(java.util.stream.Collectors.toSet());
                        List<String> newPeople = distinctPeople.stream().filter(p -> !knownKeys.contains(p)).toList();
                        Uni<List<io.leadflow.capture.privacy.DoNotContact>> listed = newPeople.isEmpty()
                                ? Uni.createFrom().item(List.of()) : doNotContact.list("emailKey in ?1", newPeople);
                        return listed.chain(optedOut -> storeBatch(items, channel, start, claimed, spam, known,
                                optedOut.stream().map(d -> d.emailKey).collect(java.util.stream.Collectors.toSet())));
                    });
                });
    }

    private Uni<List<Batched>> storeBatch(List<BatchItem> items, Channel channel, Instant start,
                                          java.util.Map<String, IdempotencyKey> claimed, List<String> spam, List<Lead> known,
                                          java.util.Set<String> doNotContactKeys) {
        java.util.Map<String, Lead> byPerson = new java.util.HashMap<>();
        known.forEach(lead -> byPerson.put(lead.emailKey, lead));
        java.util.Map<String, IdempotencyKeyRepository.Claim> claims = new java.util.LinkedHashMap<>();
        List<Lead> newLeads = new ArrayList<>();
        List<Submission> newSubmissions = new ArrayList<>();
        List<Object> events = new ArrayList<>(); // PendingEvent and PendingLink, in the order a single capture writes them
        // Linking is done once per person and visitor id: a later submission of the same pair would find nothing left.
        java.util.Map<List<String>, PendingLink> links = new java.util.LinkedHashMap<>();
        List<Batched> outcomes = new ArrayList<>(items.size());
        Instant last = start.minus(1, ChronoUnit.MICROS);
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            Checked checked = item.checked();
            String key = item.idempotencyKey();
            if (key != null) {
                IdempotencyKey before = claimed.get(key);
                IdempotencyKeyRepository.Claim earlier = claims.get(key);
                String sha = before != null ? before.requestSha256 : earlier != null ? earlier.requestSha256() : null;
                UUID leadId = before != null ? before.leadId : earlier != null ? earlier.leadId() : null;
                if (leadId != null) {
                    outcomes.add(sha != null && !sha.equals(checked.fingerprint())
                            ? new Batched(null, new FieldError("Idempotency-Key", "was first used with a different submission"))
                            : new Batched(new Captured(leadId, true, false), null));
                    continue;
                }
            }
            // Every submission of the batch gets its own instant, in order: a lead's history stays in file order.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
            Submission submission = Submission.of(checked.submission(), checked.phoneRaw(), channel, last);
            submission.spamReason = spam.get(i);
            Captured captured;
            if (submission.spamReason != null) {
                meters.counter("leadflow.capture.spam", "reason", submission.spamReason).increment();
                Lead lead = Lead.firstFrom(submission);
                newLeads.add(lead);
                captured = new Captured(lead.id, false, false);
            } else {
                String person = LeadIdentity.emailKey(submission.email);
                Lead lead = byPerson.get(person);
                if (lead == null) {
                    lead = Lead.firstFrom(submission);
                    lead.doNotContact = doNotContactKeys.contains(person);
                    byPerson.put(person, lead);
                    newLeads.add(lead);
                    events.add(new PendingEvent(LeadCaptured.TYPE, lead.id, LeadCaptured.of(lead, submission)));
                    captured = new Captured(lead.id, false, false);
                } else {
                    lead.resubmitted(submission);
                    meters.counter("leadflow.capture.resubmissions", "channel", channel.wireName()).increment();
                    events.add(new PendingEvent(LeadResubmitted.TYPE, lead.id, LeadResubmitted.of(lead, submission)));
                    captured = new Captured(lead.id, false, true);
                }
                PendingLink link = new PendingLink(lead.id, person, submission.visitorId, submission.id, last);
                if (links.putIfAbsent(java.util.Arrays.asList(person, submission.visitorId), link) == null) {
                    events.add(link); // right after this submission's event, as a single capture writes them
                }
            }
            newSubmissions.add(submission);
            if (key != null) {
                claims.put(key, new IdempotencyKeyRepository.Claim(key, captured.leadId(), checked.fingerprint()));
            }
            outcomes.add(new Batched(captured, null));
        }
        // New people in key order, like the locks: two batches creating the same people wait for each other, never deadlock.
        newLeads.sort(java.util.Comparator.comparing(lead -> lead.emailKey == null ? "" : lead.emailKey));
        List<IdempotencyKeyRepository.Claim> toClaim = List.copyOf(claims.values());
        return (newLeads.isEmpty() ? Uni.createFrom().voidItem() : leads.persist(newLeads))
                .chain(() -> newSubmissions.isEmpty() ? Uni.createFrom().voidItem() : submissions.persist(newSubmissions))
                .chain(() -> submissions.flush())
                // Everything is written: forget the entities, or every native statement below (one outbox row each)
                // would first dirty-check them all (Hibernate's auto-flush), which costs more than the insert itself.
                .chain(() -> Panache.getSession()).invoke(session -> session.clear())
                .chain(() -> io.smallrye.mutiny.Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(pending -> pending instanceof PendingEvent e
                                ? outbox.append(e.type(), e.leadId(), e.body()).replaceWithVoid()
                                : link((PendingLink) pending))
                        .collect().last())
                .chain(() -> idempotencyKeys.claimAll(toClaim))
                .map(inserted -> {
                    if (inserted != toClaim.size()) {
                        throw new KeyAlreadyUsed(); // a concurrent capture claimed one: roll back, retry, replay it
                    }
                    return outcomes;
                });
    }

    /** SHA-256 of the normalised submission: the same lead typed with other spacing or case is the same request. */
    private String fingerprint(LeadSubmission normalised, Channel channel) {
        try {
            byte[] json = mapper.writeValueAsBytes(List.of(channel.name(), normalised));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a submission", e);
        }
    }

    /**
     * Runs a capture transaction; when two first submissions of one person race, the loser's insert of
     * the lead hits the unique e-mail key, and its retry finds the winner's lead and merges into it.
     */
    private static Uni<Captured> inTransaction(java.util.function.Supplier<Uni<Captured>> work) {
        return Panache.withTransaction(work).onFailure(CaptureService::isIdentityRace).retry().atMost(2);
    }

    private static boolean isIdentityRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return "lead_email_key_uq".equals(violation.getConstraintName());
            }
        }
        return false;
    }

    /**
     * Stores the submission: a new person's lead with LeadCaptured, or a known person's with LeadResubmitted; then the
     * person's waiting engagement (their visitor id's, their address's) joins the lead and is announced (LeadEngaged).
     */
    private Uni<Captured> record(LeadSubmission valid, String phoneRaw, Channel channel, Instant now, String spamReason) {
        Submission submission = Submission.of(valid, phoneRaw, channel, now);
        submission.spamReason = spamReason;
        if (spamReason != null) {
            // Kept for review on a lead of its own without an identity: never merged, never announced.
            meters.counter("leadflow.capture.spam", "reason", spamReason).increment();
            Lead lead = Lead.firstFrom(submission);
            return leads.persist(lead).chain(() -> submissions.persistAndFlush(submission))
                    .replaceWith(new Captured(lead.id, false, false));
        }
        String emailKey = LeadIdentity.emailKey(submission.email);
        return leads.lockByEmailKey(emailKey).chain(known -> {
            if (known == null) {
                Lead lead = Lead.firstFrom(submission);
                // A person on the do-not-contact list is still recorded, flagged, so that nobody calls them.
                return doNotContact.isListed(lead.emailKey).invoke(listed -> lead.doNotContact = listed)
                        .chain(() -> leads.persist(lead)).chain(() -> submissions.persistAndFlush(submission))
                        .chain(() -> outbox.append(LeadCaptured.TYPE, lead.id, LeadCaptured.of(lead, submission)))
                        .replaceWith(new Captured(lead.id, false, false));
            }
            known.resubmitted(submission);
            meters.counter("leadflow.capture.resubmissions", "channel", channel.wireName()).increment();
            return submissions.persistAndFlush(submission)
                    .chain(() -> outbox.append(LeadResubmitted.TYPE, known.id, LeadResubmitted.of(known, submission)))
                    .replaceWith(new Captured(known.id, false, true));
        }).call(captured -> engagements.linkWaiting(captured.leadId(), emailKey, submission.visitorId, submission.id, now));
    }

    /** Signals a lost idempotency race so the transaction rolls back before the first lead is looked up. */
    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }
}
