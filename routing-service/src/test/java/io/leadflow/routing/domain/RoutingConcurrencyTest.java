package io.leadflow.routing.domain;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.messaging.in.LeadScoredIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.leadflow.routing.RoutingFixtures.route;
import static io.leadflow.routing.RoutingFixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;

/** Round robin stays fair and exact when many transactions route at once (as several replicas would). */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingConcurrencyTest {

    private static final int LEADS = 30;

    @Inject
    RoutingService routing;
    @Inject
    Pool db;

    /** Runs every task at once, each in its own thread and therefore its own transaction. */
    private <T> List<T> concurrently(List<UUID> leads, Function<UUID, T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(leads.size());
        try {
            List<CompletableFuture<T>> running = leads.stream()
                    .map(lead -> CompletableFuture.supplyAsync(() -> task.apply(lead), threads))
                    .toList();
            return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .thenApply(done -> running.stream().map(CompletableFuture::join).toList())
                    .get(RoutingFixtures.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void thirtyLeadsRoutedAtOnceGiveEachOfThreeSdrsExactlyTen() throws Exception {
        List<UUID> leads = IntStream.range(0, LEADS).mapToObj(i -> UUID.randomUUID()).toList();
        LeadScoredIn scored = scored(72);

        List<RoutingService.Outcome> outcomes = concurrently(leads, lead -> route(routing, lead, scored, "default"));

        assertThat(outcomes).containsOnly(RoutingService.Outcome.ASSIGNED);
        List<Row> perSdr = RoutingFixtures.rows(db, """
                select sdr_id, count(*) as leads, count(distinct lead_id) as distinct_leads
                from assignment where lead_id = any($1) group by sdr_id
                """, (Object) leads.toArray(UUID[]::new));
        Map<String, Long> counts = perSdr.stream().collect(Collectors.toMap(row -> row.getString("sdr_id"), row -> row.getLong("leads")));
        assertThat(counts).containsOnly(Map.entry("sdr-1", 10L), Map.entry("sdr-2", 10L), Map.entry("sdr-3", 10L));
        assertThat(RoutingFixtures.rows(db, "select count(*) as n from outbox where type = 'LeadAssigned' and aggregateid = any($1)",
                (Object) leads.stream().map(UUID::toString).toArray(String[]::new)).get(0).getLong("n")).isEqualTo(LEADS);
    }

    @Test
    void aBurstAgainstCappedSdrsInTwoPoolsNeverExceedsACapAndHoldsTheRest() throws Exception {
        // Two pools share sdr "b": routings of both pools take turns on b's row, so b's cap holds across pools.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String a = "cap-a-" + tag, b = "cap-b-" + tag, c = "cap-c-" + tag;
        for (String sdr : List.of(a, b, c)) {
            RoutingFixtures.rows(db, "insert into sdr (id, name, email, max_open_leads) values ($1, $1, $2, 4)", sdr,
                    sdr + "@leadflow.example.com");
        }
        String left = "caps-left-" + tag, right = "caps-right-" + tag;
        RoutingFixtures.rows(db, "insert into pool (id, name) values ($1, 'left'), ($2, 'right')", left, right);
        RoutingFixtures.rows(db, "insert into pool_member (pool_id, sdr_id, position) values "
                + "($1, $3, 0), ($1, $4, 1), ($2, $4, 0), ($2, $5, 1)", left, right, a, b, c);
        List<UUID> leads = IntStream.range(0, LEADS).mapToObj(i -> UUID.randomUUID()).toList();
        LeadScoredIn scored = scored(72);

        List<RoutingService.Outcome> outcomes = concurrently(leads,
                lead -> route(routing, lead, scored, leads.indexOf(lead) % 2 == 0 ? left : right)); // 15 each

        // Three SDRs with 4 open leads each: 12 assigned, whatever the interleaving; the other 18 wait.
        assertThat(outcomes).containsOnly(RoutingService.Outcome.ASSIGNED, RoutingService.Outcome.HELD);
        Map<String, Long> counts = RoutingFixtures.rows(db, "select sdr_id, count(*) as leads from assignment "
                        + "where lead_id = any($1) group by sdr_id", (Object) leads.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(row -> row.getString("sdr_id"), row -> row.getLong("leads")));
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4L));
        long assigned = counts.values().stream().mapToLong(Long::longValue).sum();
        long held = RoutingFixtures.rows(db, "select count(*) from routing_hold where lead_id = any($1)",
                (Object) leads.toArray(UUID[]::new)).get(0).getLong(0);
        assertThat(assigned + held).isEqualTo(LEADS);
        assertThat(outcomes.stream().filter(RoutingService.Outcome.ASSIGNED::equals).count()).isEqualTo(assigned);
        // Each pool gets leads until its members are full; with both pools busy all three SDRs end at their cap.
        assertThat(counts).containsOnly(Map.entry(a, 4L), Map.entry(b, 4L), Map.entry(c, 4L));
        RoutingFixtures.rows(db, "delete from routing_hold where lead_id = any($1)", (Object) leads.toArray(UUID[]::new));
    }

    @Test
    void theSameLeadRoutedFiveTimesAtOnceIsAssignedOnce() throws Exception {
        UUID lead = UUID.randomUUID();
        LeadScoredIn scored = scored(72);

        List<RoutingService.Outcome> outcomes = concurrently(List.of(lead, lead, lead, lead, lead),
                same -> route(routing, same, scored, "default"));

        assertThat(outcomes).containsOnlyOnce(RoutingService.Outcome.ASSIGNED)
                .containsOnly(RoutingService.Outcome.ASSIGNED, RoutingService.Outcome.ALREADY_ASSIGNED);
        assertThat(RoutingFixtures.rows(db, "select 1 from assignment where lead_id = $1", lead)).hasSize(1);
        assertThat(RoutingFixtures.rows(db, "select 1 from outbox where aggregateid = $1", lead.toString())).hasSize(1);
    }

    @Test
    void aLeadForAPoolWithoutMembersWaitsInItsHoldQueue() {
        RoutingFixtures.rows(db, "insert into pool (id, name) values ('nobody-home', 'Empty pool') on conflict do nothing");
        UUID lead = UUID.randomUUID();

        assertThat(route(routing, lead, scored(90), "nobody-home")).isEqualTo(RoutingService.Outcome.HELD);

        Row decision = RoutingFixtures.rows(db, "select outcome, pool_id from routing_decision where lead_id = $1", lead).get(0);
        assertThat(decision.getString("outcome")).isEqualTo("held");
        assertThat(decision.getString("pool_id")).isEqualTo("nobody-home");
        assertThat(RoutingFixtures.rows(db, "select 1 from assignment where lead_id = $1", lead)).isEmpty();
        assertThat(RoutingFixtures.rows(db, "select pool_id from routing_hold where lead_id = $1", lead))
                .extracting(row -> row.getString("pool_id")).containsExactly("nobody-home");
        // Routed again (a new score), it is not queued twice.
        assertThat(route(routing, lead, scored(95), "nobody-home")).isEqualTo(RoutingService.Outcome.ALREADY_ASSIGNED);
        RoutingFixtures.rows(db, "delete from routing_hold where lead_id = $1", lead);
    }
}
