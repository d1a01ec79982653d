package io.leadflow.capture.domain;

import io.leadflow.capture.config.EngagementConfig;
import io.leadflow.capture.messaging.out.LeadEngaged;
import io.leadflow.capture.repository.EngagementRepository;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.messaging.outbox.OutboxEvent;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records engagement cheaply and announces it to scoring. A request is validated whole, then stored by one statement
 * in one short transaction that also writes one LeadEngaged outbox row per lead it concerns. Events of people who are
 * not leads yet wait anonymous (scoring only scores leads) until a submission links them ({@link #linkWaiting}),
 * inside that submission's transaction.
 */
@ApplicationScoped
public class EngagementService {

    private final Pool db;
    private final EngagementRepository engagements;
    private final Outbox outbox;
    private final EngagementConfig config;
    private final MeterRegistry meters;

    public EngagementService(Pool db, EngagementRepository engagements, Outbox outbox, EngagementConfig config, MeterRegistry meters) {
        this.db = db;
        this.engagements = engagements;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /** What a request recorded: how many events, how many of them went to a known lead, and to how many leads. */
    public record Recorded(int accepted, int linked, int leads, boolean replayed) {
    }

    /**
     * Validates every event (throws {@link InvalidRequestException} naming each problem, nothing stored), then stores
     * them and announces those of known leads in one transaction.
     *
     * @param integration    whether the sender is an integration (may key events by e-mail)
     * @param source         {@code browser} or {@code integration:<name>}, stored with each event
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null: a retry with the same key and body stores
     *                       nothing and answers as the first request did; with another body it fails with 422
     * @param bodySha256     the SHA-256 of the request body as sent (compared when the key comes again)
     */
    public Uni<Recorded> record(EngagementBatch request, boolean integration, String source, String idempotencyKey,
                                String bodySha256) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EngagementValidator.Result result = EngagementValidator.validate(request, integration, now, limits());
        if (!result.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        List<Engagement> batch = result.engagements();
        return db.withTransaction(connection -> {
            // The key's claim goes first, with the events: a key claimed before rolls the events back.
            Uni<Boolean> claimed = idempotencyKey == null ? Uni.createFrom().item(true)
                    : engagements.claimRequest(connection, source, idempotencyKey, bodySha256, batch.size());
            Uni<Map<UUID, UUID>> stored = engagements.insert(connection, batch, result.formId(), source, now);
            return Uni.combine().all().unis(claimed, stored).asTuple().chain(claimedAndStored -> {
                if (!claimedAndStored.getItem1()) {
                    throw new KeyAlreadyUsed();
                }
                Map<UUID, UUID> leadOf = claimedAndStored.getItem2();
                Map<UUID, List<LeadEngaged.Item>> byLead = new LinkedHashMap<>();
                for (Engagement e : batch) {
                    UUID lead = leadOf.get(e.id());
                    if (lead != null) {
                        byLead.computeIfAbsent(lead, l -> new ArrayList<>()).add(LeadEngaged.Item.of(e, result.formId(), source, now));
                    }
                }
                // Every lead's event at once: the statements are pipelined on the connection, in this order.
                List<Uni<OutboxEvent>> announced = new ArrayList<>();
                byLead.forEach((lead, items) -> announced.add(outbox.append(connection, LeadEngaged.TYPE, lead, LeadEngaged.tracked(items))));
                return (announced.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(announced).andFailFast().replaceWithVoid())
                        .replaceWith(new Recorded(batch.size(), leadOf.size(), byLead.size(), false));
            });
        }).invoke(recorded -> {
            batch.forEach(e -> meters.counter("leadflow.capture.engagement.events", "type", e.type().wireName()).increment());
            meters.counter("leadflow.capture.engagement.linked", "trigger", LeadEngaged.TRACKED).increment(recorded.linked());
        }).onFailure(KeyAlreadyUsed.class).recoverWithUni(() -> engagements.claimedRequest(db, source, idempotencyKey).map(first -> {
            if (!first.requestSha256().equals(bodySha256)) {
                throw new UnprocessableException("idempotency-key-reused", "This Idempotency-Key was first used with a "
                        + "different request; use a new key for new events.");
            }
            return new Recorded(first.accepted(), 0, 0, true);
        }));
    }

    /** Signals a key claimed before, so the transaction rolls its events back. */
    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }

    /**
     * Links a person's waiting events to their lead and announces them (LeadEngaged, trigger {@code linked}), in the
     * caller's transaction: the submission that made the link and the announcement commit together. Waiting events are
     * those an integration sent with this person's e-mail before they were a lead, and the anonymous ones of
     * {@code visitorId} (the submission's; null for none). A long history is announced in parts of
     * {@code leadflow.capture.engagement.max-events}.
     */
    public Uni<Void> linkWaiting(SqlClient connection, UUID leadId, String emailKey, String visitorId, UUID submissionId, Instant at) {
        return engagements.linkWaiting(connection, leadId, emailKey, visitorId, at).chain(items -> {
            Uni<Void> announced = Uni.createFrom().voidItem();
            int part = config.maxEvents();
            for (int from = 0; from < items.size(); from += part) {
                List<LeadEngaged.Item> slice = items.subList(from, Math.min(items.size(), from + part));
                announced = announced.chain(() -> outbox.append(connection, LeadEngaged.TYPE, leadId, LeadEngaged.linked(submissionId, slice)))
                        .replaceWithVoid();
            }
            if (!items.isEmpty()) {
                meters.counter("leadflow.capture.engagement.linked", "trigger", LeadEngaged.LINKED).increment(items.size());
            }
            return announced;
        });
    }

    private EngagementValidator.Limits limits() {
        return new EngagementValidator.Limits(config.maxEvents(), config.maxAge(), config.maxClockSkew());
    }
}
