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
        Optional<Form> form = forms.find(raw.formId() == null ? null : raw.formId().strip());
        SubmissionValidator.Result result = SubmissionValidator.validate(raw);
        List<FieldError> errors = new ArrayList<>(result.errors());
        // The form's required fields are checked on what was sent, so every problem is reported at once.
        form.ifPresent(f -> FormRules.missing(f, raw).stream()
                .filter(missing -> errors.stream().noneMatch(e -> e.field().equals(missing.field())))
                .forEach(errors::add));
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        LeadSubmission submission = form.map(f -> FormRules.withDefaults(f, result.submission())).orElse(result.submission());
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
