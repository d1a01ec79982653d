package io.leadflow.sla.domain;

import io.leadflow.messaging.testing.Sql;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several scans racing for the same due clocks (as several replicas would, with this replica's own
 * scheduled scan joining in) breach each clock exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class BreachScanConcurrencyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int CLOCKS = 250;
    private static final int SCANNERS = 4;

    @Inject
    Pool db;
    @Inject
    SlaService sla;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private int scanUntilNothingIsDue() {
        int breached = 0;
        while (true) {
            int count;
            try {
                count = VertxContextSupport.subscribeAndAwait(() -> sla.warnAtRiskClocks())
                        + VertxContextSupport.subscribeAndAwait(() -> sla.breachDueClocks());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (count == 0) {
                return breached;
            }
            breached += count;
        }
    }

    @Test
    void concurrentScansWarnAndBreachEachDueClockExactlyOnce() throws Exception {
        String sdr = "sdr-race-" + UUID.randomUUID();
        rows("""
                insert into sla_clock (id, lead_id, assignment_id, sdr_id, kind, policy_id, state, started_at, due_at)
                select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), $1, 'first-touch', 'test', 'RUNNING',
                       now() - interval '10 minutes', now() - interval '1 second' - n * interval '1 millisecond'
                from generate_series(1, $2) as n
                """, sdr, CLOCKS);
        // As many clocks whose at-risk warning is due but whose deadline is an hour away: warned once each.
        String warned = "sdr-warn-" + UUID.randomUUID();
        rows("""
                insert into sla_clock (id, lead_id, assignment_id, sdr_id, kind, policy_id, state, started_at, due_at,
                                       at_risk_at)
                select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), $1, 'first-touch', 'test', 'RUNNING',
                       now() - interval '10 minutes', now() + interval '1 hour', now() - n * interval '1 millisecond'
                from generate_series(1, $2) as n
                """, warned, CLOCKS);

        ExecutorService pool = Executors.newFixedThreadPool(SCANNERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> scans = new ArrayList<>();
            for (int i = 0; i < SCANNERS; i++) {
                scans.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return scanUntilNothingIsDue();
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(scans.toArray(CompletableFuture[]::new)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        await().atMost(DEADLINE).until(() -> rows("select 1 from sla_clock where sdr_id = $1 and state = 'RUNNING'", sdr).isEmpty());
        assertThat(rows("select 1 from sla_clock where sdr_id = $1 and state = 'BREACHED'", sdr)).hasSize(CLOCKS);

        List<Row> events = rows("""
                select c.lead_id, count(o.id) as events, count(distinct o.payload ->> 'clockId') as clocks
                from sla_clock c left join outbox o on o.aggregateid = c.lead_id::text and o.type = 'SlaBreached'
                where c.sdr_id = $1
                group by c.lead_id
                """, sdr);
        assertThat(events).hasSize(CLOCKS);
        assertThat(events).allSatisfy(row -> {
            assertThat(row.getLong("events")).as("SlaBreached events of lead %s", row.getUUID("lead_id")).isEqualTo(1);
            assertThat(row.getLong("clocks")).isEqualTo(1);
        });
        List<Row> warnings = rows("""
                select c.lead_id, c.state, c.at_risk_sent_at, count(o.id) as events
                from sla_clock c left join outbox o on o.aggregateid = c.lead_id::text and o.type = 'SlaAtRisk'
                where c.sdr_id = $1
                group by c.lead_id, c.state, c.at_risk_sent_at
                """, warned);
        assertThat(warnings).hasSize(CLOCKS).allSatisfy(row -> {
            assertThat(row.getLong("events")).as("SlaAtRisk events of lead %s", row.getUUID("lead_id")).isEqualTo(1);
            assertThat(row.getString("state")).isEqualTo("RUNNING");
            assertThat(row.getOffsetDateTime("at_risk_sent_at")).isNotNull();
        });
    }
}
