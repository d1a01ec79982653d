package io.leadflow.capture.messaging;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.MessagingJanitor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The janitor removes outbox and inbox rows past their retention and nothing newer. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class MessagingJanitorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool db;
    @Inject
    MessagingJanitor janitor;

    // aggregatetype 'capture': Debezium relays this row too, and only existing topics may be written.
    // Nothing consumes leads.capture.v1 in this module's tests.
    private UUID outboxRow(OffsetDateTime occurredAt) {
        UUID id = UUID.randomUUID();
        db.preparedQuery("insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at)"
                        + " values ($1, 'capture', $2, 'JanitorProbe', '{}'::jsonb, $3)")
                .execute(Tuple.of(id, id.toString(), occurredAt)).await().atMost(WAIT);
        return id;
    }

    private UUID inboxRow(OffsetDateTime processedAt) {
        UUID id = UUID.randomUUID();
        db.preparedQuery("insert into inbox (consumer, event_id, processed_at) values ('janitor-test', $1, $2)")
                .execute(Tuple.of(id, processedAt)).await().atMost(WAIT);
        return id;
    }

    private boolean exists(String sql, UUID id) {
        return db.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(WAIT).rowCount() == 1;
    }

    @Test
    void rowsPastTheirRetentionGoAndNewerRowsStay() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID oldEvent = outboxRow(now.minusDays(2));
        UUID recentEvent = outboxRow(now.minusHours(1));
        UUID oldProcessed = inboxRow(now.minusDays(9));
        UUID recentProcessed = inboxRow(now.minusDays(6));

        assertThat(janitor.purge().await().atMost(WAIT)).isGreaterThanOrEqualTo(2L);

        assertThat(exists("select 1 from outbox where id = $1", oldEvent)).isFalse();
        assertThat(exists("select 1 from outbox where id = $1", recentEvent)).isTrue();
        assertThat(exists("select 1 from inbox where event_id = $1", oldProcessed)).isFalse();
        assertThat(exists("select 1 from inbox where event_id = $1", recentProcessed)).isTrue();
    }
}
