package io.leadflow.routing.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.EventBurst;
import io.leadflow.routing.RoutingFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.leadflow.routing.NotificationsOffProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.leadflow.routing.RoutingFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test (off by default; {@code -Dleadflow.benchmark=true}): how many scored leads per second
 * routing's consumer of {@code leads.scoring.v1} (channel {@code leads-scoring}, group {@code routing}) turns into
 * assignments, on the embedded Kafka, PostgreSQL and Debezium. Each LeadScored is one inbox transaction: rules, pool
 * lock, distribution, assignment + decision record + outbox row.
 *
 * <p>This class is run 1, the shipped consumer settings (one consumer); {@link RoutingThroughputBenchmarkFourConsumersTest}
 * is run 2, the same with {@code mp.messaging.incoming.leads-scoring.concurrency=4} (four Kafka consumers in group
 * {@code routing}, each with its own copy of the processing stream; {@code leads.scoring.v1} has 6 partitions, see
 * deploy/kafka/topics.json). Run both with {@code -Dtest='RoutingThroughputBenchmark*Test'}.
 *
 * <p>Setup per run (new ids each run): four pools of 25 SDRs, one per distribution method plus a second strict one,
 * some SDRs capped low enough to be reached (they are then skipped; nobody is ever held) and others capped high, and a
 * rule set, activated through the admin API, that sends each lead to a pool by {@code lead.country}; {@code default-1}
 * is active again afterwards. The consumer group must be stable with every partition assigned, and a warm-up burst to a
 * pool of its own must be routed, before the measured burst of {@value #DEFAULT_LEADS} leads (keyed by lead id) is
 * produced at once. Measured: from the first send to the last assignment row. Printed: assignments/s, p50/p99 of the
 * rows' {@code decision_micros}. Asserted (correctness, not speed): every lead assigned exactly once in the pool its
 * country names, one LeadAssigned each, no cap exceeded, strict round robin even to within one lead.
 */
@QuarkusTest
@TestProfile(RoutingThroughputBenchmarkTest.OneConsumer.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
public class RoutingThroughputBenchmarkTest {

    static final int DEFAULT_LEADS = 2_000;
    private static final int LEADS = Integer.getInteger("leadflow.benchmark.leads", DEFAULT_LEADS);
    private static final int WARM_UP = Integer.getInteger("leadflow.benchmark.warm-up", 300);
    private static final int MEMBERS = 25;
    private static final String TOPIC = "leads.scoring.v1";
    private static final String GROUP = "routing";
    private static final String RULE_SETS = "/api/v1/routing/rule-sets";
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    /**
     * The shipped consumer settings. Only the e-mail and webhook notifications that {@code %test} turns on are off:
     * no SMTP server or webhook receiver runs here, and failing, retried deliveries would load the same JVM.
     */
    public static class OneConsumer extends NotificationsOffProfile {
    }

    /** Run 2: four concurrent consumers of leads-scoring (SmallRye's channel {@code concurrency}). */
    public static class FourConsumers extends OneConsumer {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("mp.messaging.incoming.leads-scoring.concurrency", "4");
            return config;
        }
    }

    /** A measured pool of the run: the lead country routed to it, its distribution method, whether it is strict round robin. */
    private record PoolPlan(String name, String country, String method, boolean strict) {
    }

    private static final List<PoolPlan> POOLS = List.of(
            new PoolPlan("strict", "GB", "STRICT_ROUND_ROBIN", true),
            new PoolPlan("weighted", "FR", "WEIGHTED_ROUND_ROBIN", false),
            new PoolPlan("least", "DE", "LEAST_LOADED", false),
            new PoolPlan("strict-capped", "US", "STRICT_ROUND_ROBIN", true));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "mp.messaging.incoming.leads-scoring.concurrency", defaultValue = "1")
    int consumers;
    @jakarta.inject.Inject
    Pool db;

    private String tag;

    private String poolId(String name) {
        return "tput-" + tag + "-" + name;
    }

    private void sdr(String id, Integer maxOpen, Integer maxPerDay) {
        rows(db, "insert into sdr (id, name, email, active, max_open_leads, max_leads_per_day) values ($1, $2, $3, true, $4, $5)",
                id, "SDR " + id, id + "@leadflow.example.com", maxOpen, maxPerDay);
    }

    /**
     * Creates a pool of {@code members} new SDRs. Caps: the strict pool none; the second strict pool high caps on
     * everyone (never reached: the rotation stays exact); weighted and least loaded every fifth SDR a low open-lead
     * cap (reached, then skipped) and the others high caps.
     */
    private void pool(String name, String method, int members, int lowCap) {
        String pool = poolId(name);
        rows(db, "insert into pool (id, name, distribution_method) values ($1, $2, $3)", pool, "Pool " + pool, method);
        for (int i = 0; i < members; i++) {
            String sdr = pool + "-" + i;
            boolean strict = method.equals("STRICT_ROUND_ROBIN");
            if (name.equals("strict") || name.equals("warm-up") || name.equals("catch")) {
                sdr(sdr, null, null);
            } else if (!strict && i % 5 == 0) {
                sdr(sdr, lowCap, null);
            } else {
                sdr(sdr, 1_000, 1_000);
            }
            int weight = method.equals("WEIGHTED_ROUND_ROBIN") ? 1 + i % 3 : 1;
            rows(db, "insert into pool_member (pool_id, sdr_id, position, weight) values ($1, $2, $3, $4)", pool, sdr, i, weight);
        }
    }

    private static io.restassured.specification.RequestSpecification revops() {
        return given().auth().oauth2(TestTokens.revops()).contentType("application/json");
    }

    private String activateRuleSet() {
        String version = "tput-" + tag;
        StringBuilder rules = new StringBuilder();
        for (PoolPlan plan : POOLS) {
            rules.append("""
                    { "id": "country-%s", "when": { "field": "lead.country", "op": "eq", "value": "%s" },
                      "route": { "pool": "%s" } },
                    """.formatted(plan.country().toLowerCase(), plan.country(), poolId(plan.name())));
        }
        rules.append("""
                { "id": "warm-up", "when": { "field": "lead.country", "op": "eq", "value": "WU" },
                  "route": { "pool": "%s" } }""".formatted(poolId("warm-up")));
        String body = """
                { "version": "%s", "rules": [ %s ], "catchAll": { "pool": "%s" } }""".formatted(version, rules, poolId("catch"));
        revops().body(body).when().post(RULE_SETS).then().statusCode(200);
        revops().when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200);
        return version;
    }

    @AfterEach
    void restoreShippedRules() {
        revops().when().post(RULE_SETS + "/default-1/activate").then().statusCode(200);
    }

    /** LeadScored events (score 72, above the threshold) for new leads, the country of each taken in turn from {@code countries}. */
    private static List<ObjectNode> burst(int count, List<String> countries, List<UUID> ids) {
        List<ObjectNode> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID leadId = UUID.randomUUID();
            ids.add(leadId);
            ObjectNode event = RoutingFixtures.leadScored(leadId.toString(), UUID.randomUUID().toString(), 72);
            ((ObjectNode) event.get("lead")).put("country", countries.get(i % countries.size()))
                    .put("email", "lead" + i + "@company-" + (i % 997) + ".com");
            events.add(event);
        }
        return events;
    }

    private long assigned(List<UUID> ids) {
        return rows(db, "select count(*) from assignment where lead_id = any($1)", (Object) ids.toArray(UUID[]::new))
                .get(0).getLong(0);
    }

    /** Waits until the group has this run's consumers, is stable, and every partition of the topic is assigned. */
    private void awaitStableGroup() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().size();
            assertThat(partitions).as("partitions of " + TOPIC).isGreaterThanOrEqualTo(consumers);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(30, TimeUnit.SECONDS).get(GROUP);
                long assignedPartitions = group.members().stream().map(MemberDescription::assignment)
                        .flatMap(a -> a.topicPartitions().stream()).filter(tp -> tp.topic().equals(TOPIC)).count();
                boolean everyMemberWorks = group.members().stream()
                        .allMatch(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(TOPIC)));
                return group.groupState() == GroupState.STABLE && group.members().size() == consumers
                        && assignedPartitions == partitions && everyMemberWorks;
            });
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP);
            List<Integer> spread = group.members().stream().map(m -> m.assignment().topicPartitions().size()).sorted().toList();
            System.out.printf("group %s: %d consumer(s), partitions of %s per consumer %s%n", GROUP, consumers, TOPIC, spread);
        }
    }

    @Test
    void routesABurstOfScoredLeads() throws Exception {
        tag = UUID.randomUUID().toString().substring(0, 6);
        for (PoolPlan plan : POOLS) {
            pool(plan.name(), plan.method(), MEMBERS, 8);
        }
        pool("warm-up", "STRICT_ROUND_ROBIN", 5, 8);
        pool("catch", "STRICT_ROUND_ROBIN", 1, 8);
        String version = activateRuleSet();
        awaitStableGroup();

        // Warm-up (JIT, connection pool, prepared statements), to a pool of its own.
        List<UUID> warm = new ArrayList<>();
        EventBurst.send(bootstrap, TOPIC, "LeadScored", burst(WARM_UP, List.of("WU"), warm));
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> assigned(warm) >= WARM_UP);

        // The measured burst: from the first send to the last assignment row.
        List<UUID> ids = new ArrayList<>(LEADS);
        List<ObjectNode> events = burst(LEADS, POOLS.stream().map(PoolPlan::country).toList(), ids);
        Object idArray = ids.toArray(UUID[]::new);
        Instant start = Instant.now();
        long sendStart = System.nanoTime();
        EventBurst.send(bootstrap, TOPIC, "LeadScored", events);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> assigned(ids) >= LEADS);
        double awaitedSeconds = (System.nanoTime() - sendStart) / 1e9;

        Row figures = rows(db, """
                select count(*), max(assigned_at), min(assigned_at),
                       percentile_disc(0.5) within group (order by decision_micros),
                       percentile_disc(0.99) within group (order by decision_micros),
                       max(decision_micros)
                from assignment where lead_id = any($1)""", idArray).get(0);
        OffsetDateTime last = figures.getOffsetDateTime(1);
        OffsetDateTime first = figures.getOffsetDateTime(2);
        double seconds = Duration.between(start, last.toInstant()).toNanos() / 1e9;
        double firstToLast = Duration.between(first.toInstant(), last.toInstant()).toNanos() / 1e9;
        System.out.printf("%nrouting consumer, %d consumer(s) [rule set %s]: %,d leads assigned in %.2f s from the first send"
                        + " to the last assignment = %,.0f assignments/s (first to last assignment %.2f s = %,.0f/s;"
                        + " seen by polling after %.2f s; the burst took %.2f s to send)%n"
                        + "decision_micros p50 %,d us, p99 %,d us, max %,d us%n",
                consumers, version, LEADS, seconds, LEADS / seconds, firstToLast, (LEADS - 1) / firstToLast, awaitedSeconds,
                sendSeconds, figures.getLong(3), figures.getLong(4), figures.getLong(5));

        checkExactness(ids, idArray);
    }

    /** Correctness, whatever the speed: printed, then asserted. */
    private void checkExactness(List<UUID> ids, Object idArray) {
        // Every lead assigned exactly once, with one LeadAssigned, nothing held, in the pool its country names.
        Row once = rows(db, "select count(*), count(distinct lead_id) from assignment where lead_id = any($1)", idArray).get(0);
        long events = rows(db, "select count(*) from outbox where type = 'LeadAssigned' and aggregateid = any($1)",
                (Object) ids.stream().map(UUID::toString).toArray(String[]::new)).get(0).getLong(0);
        long held = rows(db, "select count(*) from routing_hold where lead_id = any($1)", idArray).get(0).getLong(0);
        Map<String, Long> perPool = new LinkedHashMap<>();
        rows(db, "select pool_id, count(*) from assignment where lead_id = any($1) group by pool_id order by pool_id", idArray)
                .forEach(r -> perPool.put(r.getString(0), r.getLong(1)));
        System.out.printf("exactness: %d assignment rows for %d distinct leads of %d sent; %d LeadAssigned in the outbox;"
                + " %d held; per pool %s%n", once.getLong(0), once.getLong(1), LEADS, events, held, perPool);

        // Caps: no SDR of the run holds more leads than a cap allows (all were assigned today, none closed).
        List<Row> caps = rows(db, """
                select s.id, s.max_open_leads, s.max_leads_per_day, count(a.id) as leads
                from sdr s left join assignment a on a.sdr_id = s.id
                where s.id like $1 and (s.max_open_leads is not null or s.max_leads_per_day is not null)
                group by s.id, s.max_open_leads, s.max_leads_per_day""", "tput-" + tag + "-%");
        List<String> overCap = caps.stream().filter(r -> exceeds(r, "max_open_leads") || exceeds(r, "max_leads_per_day"))
                .map(r -> r.getString("id") + "=" + r.getLong("leads")).toList();
        long atCap = caps.stream().filter(r -> r.getInteger("max_open_leads") != null
                && r.getLong("leads") == r.getInteger("max_open_leads").longValue()).count();
        System.out.printf("caps: %d capped SDRs, %d at their open-lead cap, over a cap: %s%n", caps.size(), atCap, overCap);

        // Strict round robin: each member's count within one of every other's (in each strict pool).
        Map<String, List<Long>> strictCounts = new LinkedHashMap<>();
        for (PoolPlan plan : POOLS.stream().filter(PoolPlan::strict).toList()) {
            List<Long> counts = rows(db, """
                    select count(a.id) from pool_member m
                    left join assignment a on a.sdr_id = m.sdr_id and a.pool_id = m.pool_id and a.lead_id = any($2)
                    where m.pool_id = $1 group by m.sdr_id order by m.sdr_id""", poolId(plan.name()), idArray)
                    .stream().map(r -> r.getLong(0)).toList();
            strictCounts.put(plan.name(), counts);
            System.out.printf("strict round robin %s: min %d, max %d per member%n", plan.name(),
                    counts.stream().mapToLong(Long::longValue).min().orElse(0), counts.stream().mapToLong(Long::longValue).max().orElse(0));
        }
        System.out.println();

        assertThat(once.getLong(0)).as("assignment rows").isEqualTo(LEADS);
        assertThat(once.getLong(1)).as("distinct leads assigned").isEqualTo(LEADS);
        assertThat(events).as("LeadAssigned events in the outbox").isEqualTo(LEADS);
        assertThat(held).as("held leads").isZero();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int p = 0; p < POOLS.size(); p++) {
            expected.put(poolId(POOLS.get(p).name()), (long) (LEADS / POOLS.size() + (p < LEADS % POOLS.size() ? 1 : 0)));
        }
        assertThat(perPool).as("leads per pool (by lead.country)").containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(overCap).as("SDRs over a cap").isEmpty();
        strictCounts.forEach((pool, counts) -> assertThat(counts.stream().mapToLong(Long::longValue).max().orElse(0)
                - counts.stream().mapToLong(Long::longValue).min().orElse(0)).as("spread of strict pool " + pool).isLessThanOrEqualTo(1));
    }

    private static boolean exceeds(Row row, String cap) {
        Integer limit = row.getInteger(cap);
        return limit != null && row.getLong("leads") > limit;
    }
}
