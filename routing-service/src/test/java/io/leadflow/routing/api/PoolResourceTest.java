package io.leadflow.routing.api;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.leadflow.routing.api.SdrResourceTest.as;
import static io.leadflow.routing.api.SdrResourceTest.plainSdr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Pools: members and weights, method, manager, fallback; the fairness report; roles and validation. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class PoolResourceTest {

    static final String POOLS = "/api/v1/routing/pools";

    @Inject
    RoutingService routing;
    @Inject
    Pool db;

    static String poolId() {
        return "pool-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyRevopsAndAdminsManagePools() {
        as(TestTokens.sdr("sdr-1")).when().get(POOLS).then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).body("{}").when().post(POOLS).then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).when().get(POOLS + "/default/fairness").then().statusCode(403);
        as(TestTokens.admin()).when().get(POOLS).then().statusCode(200).body("id", hasItem("default"));
        // Existing pools read with the defaults of V6.
        as(TestTokens.revops()).when().get(POOLS + "/default")
                .then().statusCode(200)
                .body("method", equalTo("STRICT_ROUND_ROBIN"))
                .body("members.sdrId", contains("sdr-1", "sdr-2", "sdr-3"))
                .body("members.weight", contains(1, 1, 1));
    }

    @Test
    void aPoolIsCreatedReadAndChangedWithTheCursorFollowingWhoIsNext() {
        String a = plainSdr();
        String b = plainSdr();
        String c = plainSdr();
        String fallback = poolId();
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Overflow", "members": [{"sdrId": "%s"}]}""".formatted(fallback, c))
                .when().post(POOLS).then().statusCode(201);
        String id = poolId();
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "EMEA", "method": "WEIGHTED_ROUND_ROBIN",
                 "members": [{"sdrId": "%s", "weight": 3}, {"sdrId": "%s"}, {"sdrId": "%s", "weight": 2}],
                 "managerEmail": "emea.lead@leadflow.example", "fallbackPoolId": "%s", "fallbackAfter": "PT15M"}
                """.formatted(id, a, b, c, fallback))
                .when().post(POOLS)
                .then().statusCode(201)
                .header("Location", endsWith(POOLS + "/" + id))
                .body("method", equalTo("WEIGHTED_ROUND_ROBIN"))
                .body("members.sdrId", contains(a, b, c))
                .body("members.position", contains(0, 1, 2))
                .body("members.weight", contains(3, 1, 2))
                .body("members.name", contains("Grace Hopper", "Grace Hopper", "Grace Hopper"))
                .body("cursor", equalTo(-1))
                .body("fallbackPoolId", equalTo(fallback))
                .body("fallbackAfter", equalTo("PT15M"));
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Again"}""".formatted(id)).when().post(POOLS).then().statusCode(409);

        // b (position 1) got the last lead: c is next; after the change c stays next.
        RoutingFixtures.rows(db, "update pool set last_position = 1 where id = $1", id);
        as(TestTokens.revops()).body("""
                {"name": "EMEA", "method": "strict_round_robin", "members": [{"sdrId": "%s"}, {"sdrId": "%s"}, {"sdrId": "%s"}]}
                """.formatted(c, a, b))
                .when().put(POOLS + "/" + id)
                .then().statusCode(200)
                .body("method", equalTo("STRICT_ROUND_ROBIN"))
                .body("members.sdrId", contains(c, a, b))
                .body("cursor", equalTo(-1))
                .body("fallbackPoolId", nullValue())
                .body("managerEmail", nullValue());
        as(TestTokens.revops()).when().get(POOLS + "/" + id).then().statusCode(200).body("members.sdrId", contains(c, a, b));
        as(TestTokens.revops()).body("""
                {"name": "Nothing"}""").when().put(POOLS + "/" + poolId()).then().statusCode(404);
    }

    @Test
    void unknownSdrsBadWeightsAndFallbackCyclesAreRefusedByField() {
        String a = plainSdr();
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Bad", "method": "RANDOM",
                 "members": [{"sdrId": "%s", "weight": 0}, {"sdrId": "sdr-nobody"}, {"sdrId": "%s"}]}
                """.formatted(poolId(), a, a))
                .when().post(POOLS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("method", "members[0].weight", "members[2].sdrId"));
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Unknown", "members": [{"sdrId": "%s"}, {"sdrId": "sdr-nobody"}],
                 "fallbackPoolId": "pool-nowhere"}""".formatted(poolId(), a))
                .when().post(POOLS)
                .then().statusCode(400)
                .body("errors.field", contains("members[1].sdrId", "fallbackPoolId"));

        String first = poolId();
        String second = poolId();
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "First"}""".formatted(first)).when().post(POOLS).then().statusCode(201);
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Second", "fallbackPoolId": "%s"}""".formatted(second, first))
                .when().post(POOLS).then().statusCode(201).body("fallbackAfter", equalTo("PT0S"));
        as(TestTokens.revops()).body("""
                {"name": "First", "fallbackPoolId": "%s", "fallbackAfter": "PT1H"}""".formatted(second))
                .when().put(POOLS + "/" + first)
                .then().statusCode(400)
                .body("errors.field", contains("fallbackPoolId"))
                .body("errors.reason", contains(containsString("back to pool " + first)));
        as(TestTokens.revops()).body("""
                {"name": "First", "fallbackPoolId": "%s"}""".formatted(first))
                .when().put(POOLS + "/" + first).then().statusCode(400).body("errors.field", contains("fallbackPoolId"));
    }

    @Test
    void theFairnessReportComparesLeadsWithWeightedShares() {
        String heavy = plainSdr();
        String light = plainSdr();
        String id = poolId();
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Fair", "method": "WEIGHTED_ROUND_ROBIN",
                 "members": [{"sdrId": "%s", "weight": 3}, {"sdrId": "%s", "weight": 1}]}""".formatted(id, heavy, light))
                .when().post(POOLS).then().statusCode(201);
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        // Smooth weighted round robin: 3 and 1 in four leads, exactly the shares.
        for (int i = 0; i < 4; i++) {
            assertThat(RoutingFixtures.route(routing, UUID.randomUUID(), RoutingFixtures.scored(72), id))
                    .isEqualTo(RoutingService.Outcome.ASSIGNED);
        }
        Instant to = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        as(TestTokens.revops()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get(POOLS + "/" + id + "/fairness")
                .then().statusCode(200)
                .body("method", equalTo("WEIGHTED_ROUND_ROBIN"))
                .body("assigned", equalTo(4))
                .body("members.sdrId", contains(heavy, light))
                .body("members.assigned", contains(3, 1))
                .body("members.expectedShare", contains(0.75f, 0.25f))
                .body("members.expected", contains(3.0f, 1.0f))
                .body("members.deviation", contains(0.0f, 0.0f))
                .body("largestDeviation.leads", equalTo(0.0f));

        as(TestTokens.revops()).queryParam("from", to.toString()).queryParam("to", from.toString())
                .when().get(POOLS + "/" + id + "/fairness").then().statusCode(400).body("errors.field", contains("to"));
        as(TestTokens.revops()).queryParam("from", "last week")
                .when().get(POOLS + "/" + id + "/fairness").then().statusCode(400).body("errors.field", contains("from"));
        as(TestTokens.revops()).queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get(POOLS + "/" + id + "/fairness").then().statusCode(400).body("errors.field", contains("from"));
        as(TestTokens.revops()).when().get(POOLS + "/" + poolId() + "/fairness").then().statusCode(404);
        as(TestTokens.revops()).when().get(POOLS + "/" + id + "/fairness").then().statusCode(200).body("assigned", equalTo(4));
    }
}
