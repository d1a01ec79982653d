package io.leadflow.capture.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.forms.Form;
import io.leadflow.capture.forms.FormCatalog;
import io.leadflow.capture.forms.FormRules;
import io.leadflow.capture.messaging.out.LeadCaptured;
import io.leadflow.capture.messaging.out.LeadResubmitted;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.leadflow.capture.repository.LeadStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a valid submission and announces it in the same transaction: a new person becomes a lead
 * (LeadCaptured); a known one, found by normalised e-mail, gets the submission added to their lead
 * (LeadResubmitted), so a person who fills in three forms is one lead, routed once.
 */
@ApplicationScoped
public class CaptureService {

    private final Pool db;
    private final LeadStore store;
    private final Outbox outbox;
    private final EngagementService engagements;

    private final FormCatalog forms;
    private final ObjectMapper mapper;
    private final CaptureConfig config;
    private final MeterRegistry meters;

    public CaptureService(Pool db, LeadStore store, Outbox outbox, EngagementService engagements, FormCatalog forms,
                          ObjectMapper mapper, CaptureConfig config, MeterRegistry meters) {
        this.db = db;
        this.store = store;
        this.outbox = outbox;
        this.engagements = engagements;
        this.forms = forms;
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
        String fingerprint = idempotencyKey == null ? null : fingerprint(submission, channel);
        // The key is claimed in the capture's transaction, after the lead row it references; a lost race rolls both back.
        return inTransaction(connection -> record(connection, submission, result.phoneRaw(), channel, now, spamReason,
                        idempotencyKey, fingerprint))
                .onFailure(KeyAlreadyUsed.class).recoverWithUni(() -> store.claimed(db, List.of(idempotencyKey)).map(keys -> {
                    IdempotencyKey key = keys.get(0);
                    if (key.requestSha256 != null && !key.requestSha256.equals(fingerprint)) {
                        throw new UnprocessableException("idempotency-key-reused", "This Idempotency-Key was "
                                + "first used with a different request; use a new key for a new submission.");
                    }
                    return new Captured(key.leadId, true, false);
                }));
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
        return db.withTransaction(connection -> recordBatch(connection, items, channel))
                .onFailure(f -> isIdentityRace(f) || f instanceof KeyAlreadyUsed).retry().atMost(3);
    }

    /** One outbox row to write once the batch's rows are inserted. */
    private record PendingEvent(String type, UUID leadId, Object body) {
    }

    /** A person's waiting engagement to link once the batch's rows are inserted, as {@link #record} does per capture. */
    private record PendingLink(UUID leadId, String emailKey, String visitorId, UUID submissionId, Instant at) {
    }

    private Uni<List<Batched>> recordBatch(SqlConnection connection, List<BatchItem> items, Channel channel) {
        List<String> keys = items.stream().map(BatchItem::idempotencyKey).filter(Objects::nonNull).distinct().toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return store.claimed(connection, keys).chain(claimedBefore -> {
            Map<String, IdempotencyKey> claimed = new HashMap<>();
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
            return store.lockPeople(connection, distinctPeople).chain(known -> {
                // New people on the do-not-contact list are recorded flagged, as by a single capture.
                Set<String> knownKeys = known.stream().map(l -> l.emailKey).collect(Collectors.toSet());
                List<String> newPeople = distinctPeople.stream().filter(p -> !knownKeys.contains(p)).toList();
                return store.listed(connection, newPeople)
                        .chain(optedOut -> storeBatch(connection, items, channel, start, claimed, spam, known, optedOut));
            });
        });
    }

    private Uni<List<Batched>> storeBatch(SqlConnection connection, List<BatchItem> items, Channel channel, Instant start,
                                          Map<String, IdempotencyKey> claimed, List<String> spam, List<Lead> known,
                                          Set<String> doNotContactKeys) {
        Map<String, Lead> byPerson = new HashMap<>();
        known.forEach(lead -> byPerson.put(lead.emailKey, lead));
        Map<String, LeadStore.Claim> claims = new LinkedHashMap<>();
        List<Lead> newLeads = new ArrayList<>();
        Set<Lead> resubmittedLeads = new LinkedHashSet<>(); // known before the batch: updated once, with their final state
        List<Submission> newSubmissions = new ArrayList<>();
        List<Object> events = new ArrayList<>(); // PendingEvent and PendingLink, in the order a single capture writes them
        // Linking is done once per person and visitor id: a later submission of the same pair would find nothing left.
        Map<List<String>, PendingLink> links = new LinkedHashMap<>();
        List<Batched> outcomes = new ArrayList<>(items.size());
        Set<UUID> knownIds = known.stream().map(l -> l.id).collect(Collectors.toSet());
        Instant last = start.minus(1, ChronoUnit.MICROS);
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            Checked checked = item.checked();
            String key = item.idempotencyKey();
            if (key != null) {
                IdempotencyKey before = claimed.get(key);
                LeadStore.Claim earlier = claims.get(key);
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
                    if (knownIds.contains(lead.id)) {
                        resubmittedLeads.add(lead);
                    }
                    meters.counter("leadflow.capture.resubmissions", "channel", channel.wireName()).increment();
                    events.add(new PendingEvent(LeadResubmitted.TYPE, lead.id, LeadResubmitted.of(lead, submission)));
                    captured = new Captured(lead.id, false, true);
                }
                PendingLink link = new PendingLink(lead.id, person, submission.visitorId, submission.id, last);
                if (links.putIfAbsent(Arrays.asList(person, submission.visitorId), link) == null) {
                    events.add(link); // right after this submission's event, as a single capture writes them
                }
            }
            newSubmissions.add(submission);
            if (key != null) {
                claims.put(key, new LeadStore.Claim(key, captured.leadId(), checked.fingerprint()));
            }
            outcomes.add(new Batched(captured, null));
        }
        // New people in key order, like the locks: two batches creating the same people wait for each other, never deadlock.
        newLeads.sort(Comparator.comparing(lead -> lead.emailKey == null ? "" : lead.emailKey));
        List<LeadStore.Claim> toClaim = List.copyOf(claims.values());
        return store.insertLeads(connection, newLeads)
                .chain(() -> store.updateResubmitted(connection, resubmittedLeads))
                .chain(() -> store.insertSubmissions(connection, newSubmissions))
                .chain(() -> Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(pending -> pending instanceof PendingEvent e
                                ? outbox.append(connection, e.type(), e.leadId(), e.body()).replaceWithVoid()
                                : link(connection, (PendingLink) pending))
                        .collect().last())
                .chain(() -> store.claimAll(connection, toClaim))
                .map(inserted -> {
                    if (inserted != toClaim.size()) {
                        throw new KeyAlreadyUsed(); // a concurrent capture claimed one: roll back, retry, replay it
                    }
                    return outcomes;
                });
    }

    private Uni<Void> link(SqlConnection connection, PendingLink l) {
        return engagements.linkWaiting(connection, l.leadId(), l.emailKey(), l.visitorId(), l.submissionId(), l.at());
    }

    private String fingerprint(LeadSubmission normalised, Channel channel) {
        return fingerprint(mapper, normalised, channel);
    }

    /**
     * Fields a submission gained after idempotency keys were first claimed: they count only when given, so that a
     * submission without them keeps the fingerprint it had before, and a client retrying across the upgrade replays.
     */
    private static final List<String> LATER_FIELDS = List.of("state", "website", "industry", "employees", "revenue");

    /** SHA-256 of the normalised submission: the same lead typed with other spacing or case is the same request. */
    static String fingerprint(ObjectMapper mapper, LeadSubmission normalised, Channel channel) {
        try {
            ObjectNode submission = mapper.valueToTree(normalised);
            LATER_FIELDS.stream().filter(field -> submission.path(field).isNull()).forEach(submission::remove);
            byte[] json = mapper.writeValueAsBytes(List.of(channel.name(), submission));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a submission", e);
        }
    }

    /**
     * Runs a capture transaction; when two first submissions of one person race, the loser's insert of
     * the lead hits the unique e-mail key, and its retry finds the winner's lead and merges into it.
     */
    private Uni<Captured> inTransaction(Function<SqlConnection, Uni<Captured>> work) {
        return db.withTransaction(work).onFailure(CaptureService::isIdentityRace).retry().atMost(2);
    }

    private static boolean isIdentityRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return "lead_email_key_uq".equals(pg.getConstraint());
            }
        }
        return false;
    }

    /**
     * Stores the submission: a new person's lead with LeadCaptured, or a known one's with LeadResubmitted; then the
     * person's waiting engagement (their visitor id's, their address's) joins the lead and is announced (LeadEngaged);
     * then the idempotency key, if any, is claimed. Two round trips in all: the person's lock with the do-not-contact
     * check, then every write at once (the connection pipelines them, in order), before the commit.
     */
    private Uni<Captured> record(SqlConnection connection, LeadSubmission valid, String phoneRaw, Channel channel, Instant now,
                                 String spamReason, String idempotencyKey, String fingerprint) {
        Submission submission = Submission.of(valid, phoneRaw, channel, now);
        submission.spamReason = spamReason;
        if (spamReason != null) {
            // Kept for review on a lead of its own without an identity: never merged, never announced.
            meters.counter("leadflow.capture.spam", "reason", spamReason).increment();
            Lead lead = Lead.firstFrom(submission);
            return writeAll(connection, new Captured(lead.id, false, false), idempotencyKey, fingerprint,
                    store.insert(connection, lead), store.insert(connection, submission));
        }
        String emailKey = LeadIdentity.emailKey(submission.email);
        return Uni.combine().all().unis(store.lockPerson(connection, emailKey).map(Optional::ofNullable),
                store.isListed(connection, emailKey)).asTuple().chain(found -> {
            Lead lead;
            Uni<Void> leadWrite;
            Object event;
            boolean resubmitted = found.getItem1().isPresent();
            if (!resubmitted) {
                lead = Lead.firstFrom(submission);
                // A person on the do-not-contact list is still recorded, flagged, so that nobody calls them.
                lead.doNotContact = found.getItem2();
                leadWrite = store.insert(connection, lead);
                event = LeadCaptured.of(lead, submission);
            } else {
                lead = found.getItem1().get();
                lead.resubmitted(submission);
                meters.counter("leadflow.capture.resubmissions", "channel", channel.wireName()).increment();
                leadWrite = store.updateResubmitted(connection, lead);
                event = LeadResubmitted.of(lead, submission);
            }
            String type = resubmitted ? LeadResubmitted.TYPE : LeadCaptured.TYPE;
            return writeAll(connection, new Captured(lead.id, false, resubmitted), idempotencyKey, fingerprint,
                    leadWrite, store.insert(connection, submission),
                    outbox.append(connection, type, lead.id, event).replaceWithVoid(),
                    engagements.linkWaiting(connection, lead.id, emailKey, submission.visitorId, submission.id, now));
        });
    }

    /**
     * Sends the writes together, in this order, then the key's claim (after the lead it references); answers
     * {@code captured} once all succeeded. A key claimed already fails with {@link KeyAlreadyUsed}: the transaction
     * rolls back and the first request's answer is replayed.
     */
    @SafeVarargs
    private Uni<Captured> writeAll(SqlConnection connection, Captured captured, String idempotencyKey, String fingerprint,
                                   Uni<Void>... writes) {
        List<Uni<Void>> all = new ArrayList<>(Arrays.asList(writes));
        if (idempotencyKey != null) {
            all.add(store.claim(connection, idempotencyKey, captured.leadId(), fingerprint).invoke(claimed -> {
                if (!claimed) {
                    throw new KeyAlreadyUsed();
                }
            }).replaceWithVoid());
        }
        return Uni.join().all(all).andFailFast().replaceWith(captured);
    }

    /** Signals a lost idempotency race so the transaction rolls back before the first lead is looked up. */
    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }
}
