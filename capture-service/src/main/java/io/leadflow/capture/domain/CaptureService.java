package io.leadflow.capture.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.messaging.out.LeadCaptured;
import io.leadflow.capture.repository.IdempotencyKeyRepository;
import io.leadflow.capture.repository.LeadRepository;
import io.leadflow.messaging.outbox.Outbox;
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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Records a valid submission as a lead and announces it with LeadCaptured, in one transaction. */
@ApplicationScoped
public class CaptureService {

    private final LeadRepository leads;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final Outbox outbox;

    private final ObjectMapper mapper;
    private final CaptureConfig config;
    private final MeterRegistry meters;

    public CaptureService(LeadRepository leads, IdempotencyKeyRepository idempotencyKeys, Outbox outbox, ObjectMapper mapper,
                          CaptureConfig config, MeterRegistry meters) {
        this.leads = leads;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.meters = meters;
    }

    /** The outcome of a capture: the lead, and whether an earlier request with the same key made it. */
    public record Captured(UUID leadId, boolean replayed) {
    }

    /**
     * Validates and stores a submission. Invalid input throws {@link InvalidRequestException} before
     * anything is written; with an idempotency key, a repeated request answers with the first lead,
     * and the same key with a different submission fails with {@link UnprocessableException} (422).
     */
    public Uni<Captured> capture(LeadSubmission raw, Channel channel, String idempotencyKey) {
        SubmissionValidator.Result result = SubmissionValidator.validate(raw);
        if (!result.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Lead lead = Lead.capture(result.submission(), result.phoneRaw(), channel, now);
        lead.spamReason = SpamCheck.reason(result.submission(), now, config.spam().minFillTime()).orElse(null);
        if (idempotencyKey == null) {
            return Panache.withTransaction(() -> store(lead, result.submission()));
        }
        String fingerprint = fingerprint(result.submission(), channel);
        // The lead row must exist before the key row that references it; a lost race rolls both back.
        return Panache.withTransaction(() -> store(lead, result.submission()).chain(captured -> idempotencyKeys.claim(idempotencyKey, lead.id, fingerprint)
                        .chain(claimed -> claimed
                                ? Uni.createFrom().item(captured)
                                : Uni.createFrom().failure(new KeyAlreadyUsed()))))
                .onFailure(KeyAlreadyUsed.class).recoverWithUni(() -> Panache.withSession(
                        () -> idempotencyKeys.findById(idempotencyKey).map(key -> {
                            if (key.requestSha256 != null && !key.requestSha256.equals(fingerprint)) {
                                throw new UnprocessableException("idempotency-key-reused", "This Idempotency-Key was "
                                        + "first used with a different request; use a new key for a new submission.");
                            }
                            return new Captured(key.leadId, true);
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

    private Uni<Captured> store(Lead lead, LeadSubmission normalised) {
        if (lead.spamReason != null) {
            meters.counter("leadflow.capture.spam", "reason", lead.spamReason).increment();
            return leads.persistAndFlush(lead).replaceWith(new Captured(lead.id, false));
        }
        return leads.persistAndFlush(lead)
                .chain(() -> outbox.append(LeadCaptured.TYPE, lead.id, LeadCaptured.of(lead, normalised)))
                .replaceWith(new Captured(lead.id, false));
    }

    /** Signals a lost idempotency race so the transaction rolls back before the first lead is looked up. */
    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }
}
