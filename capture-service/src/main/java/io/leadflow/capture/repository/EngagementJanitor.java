package io.leadflow.capture.repository;

import io.leadflow.capture.config.EngagementConfig;
import io.leadflow.messaging.Retention;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps engagement data from outliving its use. An anonymous visitor's events wait for a submission that links them
 * to a lead; those still waiting after {@code leadflow.capture.engagement.waiting-retention} (by when they happened)
 * are deleted: tracking data of someone who never became a lead is not kept for ever. Requests' Idempotency-Keys go
 * after {@code idempotency-retention}. Linked events stay with their lead (erasure removes them with it). Deletes in
 * bounded batches, every {@code cleanup-interval}, so a backlog never makes one long transaction.
 */
@ApplicationScoped
public class EngagementJanitor {

    private static final Logger LOG = Logger.getLogger(EngagementJanitor.class);

    private final Pool db;
    private final Vertx vertx;
    private final EngagementConfig config;

    public EngagementJanitor(Pool db, Vertx vertx, EngagementConfig config) {
        this.db = db;
        this.vertx = vertx;
        this.config = config;
    }

    void schedule(@Observes StartupEvent started) {
        Retention.every(vertx, config.cleanupInterval(), this::purge, LOG, "waiting engagement events and idempotency keys");
    }

    /** Deletes waiting events and request keys past their retention; completes with how many rows went. */
    public Uni<Long> purge() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Retention.deleteBefore(db, "delete from engagement where id in (select id from engagement where lead_id is null "
                        + "and occurred_at < $1 limit " + Retention.BATCH + ")", now.minus(config.waitingRetention()))
                .chain(events -> Retention.deleteBefore(db, "delete from engagement_request where (source, key) in (select source, "
                                + "key from engagement_request where created_at < $1 limit " + Retention.BATCH + ")",
                        now.minus(config.idempotencyRetention())).map(keys -> events + keys));
    }
}
