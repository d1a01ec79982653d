package io.leadflow.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the outbox and inbox tables from growing forever. Outbox rows are relayed from the WAL, so
 * once written they are only kept for inspection ({@code leadflow.outbox.retention}, default one
 * day). Inbox rows must outlive every possible redelivery: the default (8 days) is longer than the
 * topics' retention (7 days), so an event old enough to lose its inbox row can no longer be
 * re-read from Kafka. Deletes in bounded batches so a backlog never makes one long transaction.
 */
@ApplicationScoped
public class MessagingJanitor {

    private static final Logger LOG = Logger.getLogger(MessagingJanitor.class);

    private final Pool db;
    private final Vertx vertx;
    private final Duration outboxRetention;
    private final Duration inboxRetention;
    private final Duration interval;

    public MessagingJanitor(Pool db, Vertx vertx,
                            @ConfigProperty(name = "leadflow.outbox.retention", defaultValue = "P1D") Duration outboxRetention,
                            @ConfigProperty(name = "leadflow.inbox.retention", defaultValue = "P8D") Duration inboxRetention,
                            @ConfigProperty(name = "leadflow.messaging.cleanup-interval", defaultValue = "PT10M") Duration interval) {
        this.db = db;
        this.vertx = vertx;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
        this.interval = interval;
    }

    void schedule(@Observes StartupEvent started) {
        Retention.every(vertx, interval, this::purge, LOG, "outbox/inbox rows");
    }

    /** Deletes outbox and inbox rows past their retention; completes with how many rows went. */
    public Uni<Long> purge() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Retention.deleteBefore(db, "delete from outbox where id in (select id from outbox where occurred_at < $1 limit "
                        + Retention.BATCH + ")", now.minus(outboxRetention))
                .chain(outbox -> Retention.deleteBefore(db, "delete from inbox where (consumer, event_id) in (select consumer, "
                                + "event_id from inbox where processed_at < $1 limit " + Retention.BATCH + ")", now.minus(inboxRetention))
                        .map(inbox -> outbox + inbox));
    }
}
