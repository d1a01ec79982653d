package io.leadflow.routing.domain;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.distribution.Distribution;
import io.leadflow.routing.distribution.PoolState;
import io.leadflow.routing.distribution.Selection;
import io.leadflow.routing.messaging.in.LeadScoredIn;
import io.leadflow.routing.repository.AssignmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
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

import static io.leadflow.routing.RoutingFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool state read under locks and written back, as several replicas would use it at once: a burst of
 * leads keeps the weighted sequence exact and never exceeds a cap, also for an SDR in two pools.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class PoolStateConcurrencyTest {

    @Inject
    PoolStateStore store;
    @Inject
    AssignmentRepository assignments;
    @Inject
    Pool db;

    private final LeadScoredIn scored = RoutingFixtures.scored(72);

    /** One routing as the engine will do it: lock, select, assign, store - one transaction. Who got the lead, or "-". */
    private String route(String poolId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> store.lock(poolId).chain(locked -> {
                Selection selection = Distribution.select(locked.state(), locked.at());
                if (!selection.assigned()) {
                    return Uni.createFrom().item("-");
                }
                String sdrId = selection.sdrId().orElseThrow();
                Assignment assignment = Assignment.of(UUID.randomUUID(), sdrId, poolId, scored, locked.at(), 0);
                return assignments.persist(assignment)
                        .chain(() -> store.store(poolId, locked.state(), selection))
                        .replaceWith(sdrId);
            })));
        } catch (Throwable e) {
            throw new IllegalStateException("routing in " + poolId + " failed", e);
        }
    }

    private List<String> concurrently(List<String> pools) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(pools.size());
        try {
            List<CompletableFuture<String>> running = pools.stream()
                    .map(pool -> CompletableFuture.supplyAsync(() -> route(pool), threads)).toList();
            return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .thenApply(done -> running.stream().map(CompletableFuture::join).toList())
                    .get(RoutingFixtures.DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private static String sdr(Pool db, String name, Integer maxOpenLeads) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        rows(db, "insert into sdr (id, name, email, max_open_leads) values ($1, $2, $3, $4)", id, name,
                id + "@leadflow.example", maxOpenLeads);
        return id;
    }

    private static String pool(Pool db, String method, List<String> sdrs, List<Integer> weights) {
        String id = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        rows(db, "insert into pool (id, name, distribution_method) values ($1, $1, $2)", id, method);
        for (int i = 0; i < sdrs.size(); i++) {
            rows(db, "insert into pool_member (pool_id, sdr_id, position, weight) values ($1, $2, $3, $4)",
                    id, sdrs.get(i), i, weights.get(i));
        }
        return id;
    }

    private List<String> assignedInOrder(String poolId) {
        return rows(db, "select sdr_id from assignment where pool_id = $1 order by assigned_at", poolId).stream()
                .map(row -> row.getString("sdr_id")).toList();
    }

    @Test
    void aBurstOnAWeightedPoolFollowsTheExactSequenceAndTheCaps() throws Throwable {
        String heavy = sdr(db, "heavy", null);
        String light = sdr(db, "light", null);
        String capped = sdr(db, "capped", 3);
        String poolId = pool(db, "WEIGHTED_ROUND_ROBIN", List.of(heavy, light, capped), List.of(3, 1, 2));
        PoolState initial = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> store.lock(poolId)))
                .state();

        List<String> outcomes = concurrently(IntStream.range(0, 24).mapToObj(i -> poolId).toList());

        // The same 24 decisions one after the other, in memory.
        List<String> expected = new ArrayList<>();
        PoolState state = initial;
        for (int i = 0; i < 24; i++) {
            Selection selection = Distribution.select(state, Instant.now());
            expected.add(selection.sdrId().orElse("-"));
            state = selection.next();
        }
        assertThat(assignedInOrder(poolId)).containsExactlyElementsOf(expected);
        assertThat(outcomes).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Long> counts = expected.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.get(capped)).isEqualTo(3);
        List<Row> stored = rows(db, "select sdr_id, current_weight from pool_member where pool_id = $1 order by position", poolId);
        assertThat(stored.stream().map(row -> row.getLong("current_weight")).toList())
                .containsExactlyElementsOf(state.members().stream().map(member -> member.currentWeight()).toList());
    }

    @Test
    void anSdrInTwoPoolsNeverExceedsTheirCap() throws Exception {
        String shared = sdr(db, "shared", 5);
        String first = pool(db, "STRICT_ROUND_ROBIN", List.of(shared), List.of(1));
        String second = pool(db, "LEAST_LOADED", List.of(shared), List.of(1));

        List<String> outcomes = concurrently(IntStream.range(0, 20).mapToObj(i -> i % 2 == 0 ? first : second).toList());

        assertThat(outcomes.stream().filter(shared::equals)).hasSize(5);
        assertThat(outcomes.stream().filter("-"::equals)).hasSize(15);
        assertThat(rows(db, "select count(*) as n from assignment where sdr_id = $1", shared).get(0).getLong("n")).isEqualTo(5);
    }
}
