package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.messaging.in.LeadScoredIn;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.leadflow.routing.RoutingFixtures.DEADLINE;
import static io.leadflow.routing.RoutingFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The routing engine end to end on the real database: the active rule set names the route, a named SDR or the account
 * owner comes first, the pool's members after them with every skip recorded, a missing pool falls to the catch-all,
 * a lead no rule matches alerts RevOps, and a lead nobody can take waits in its pool's hold queue until someone can,
 * or moves to the fallback pool.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingEngineTest {

    private static final String RULE_SETS = "/api/v1/routing/rule-sets";

    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    private String tag;
    private String version;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private String id(String name) {
        return name + "-" + tag;
    }

    private void sdr(String name) {
        rows(db, "insert into sdr (id, name, email, active) values ($1, $2, $3, true)", id(name), "SDR " + name,
                id(name) + "@leadflow.example.com");
    }

    private void pool(String name, String... members) {
        rows(db, "insert into pool (id, name) values ($1, $2)", id(name), "Pool " + name);
        for (int i = 0; i < members.length; i++) {
            rows(db, "insert into pool_member (pool_id, sdr_id, position) values ($1, $2, $3)", id(name), id(members[i]), i);
        }
    }

    /** Emea to its pool, named accounts to their owner, a VIP campaign to one SDR, a source to a pool nobody made. */
    @BeforeEach
    void activateRules() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        version = "engine-" + tag;
        for (String sdr : List.of("ann", "bob", "cat", "dan", "eve", "vip")) {
            sdr(sdr);
        }
        pool("emea", "ann", "bob");
        pool("owners", "cat", "dan");
        pool("catch", "eve");
        String rules = """
                { "version": "%s",
                  "rules": [
                    { "id": "named-account", "when": { "field": "enrichment.account.ownerId", "op": "exists" },
                      "route": { "accountOwner": { "else": "owner-pool" } } },
                    { "id": "vip", "when": { "field": "lead.campaign", "op": "eq", "value": "vip-%s" },
                      "route": { "sdr": "%s" } },
                    { "id": "emea", "when": { "field": "enrichment.geography.region", "op": "eq", "value": "EMEA" },
                      "route": { "pool": "%s" } },
                    { "id": "ghost", "when": { "field": "lead.source", "op": "eq", "value": "ghost-%s" },
                      "route": { "pool": "%s" } },
                    { "id": "held", "when": { "field": "lead.source", "op": "eq", "value": "held-%s" },
                      "route": { "pool": "%s" } } ],
                  "catchAll": { "pool": "%s" } }""".formatted(version, tag, id("vip"), id("emea"), tag, id("nowhere"),
                tag, id("waiting"), id("catch"));
        as(TestTokens.revops()).body(rules).when().post(RULE_SETS).then().statusCode(200);
        as(TestTokens.revops()).when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200);
    }

    @AfterEach
    void restoreShippedRules() {
        as(TestTokens.revops()).when().post(RULE_SETS + "/default-1/activate").then().statusCode(200);
    }

    /** Routes the LeadScored example, changed by {@code change}, by the active rules. */
    private UUID route(Consumer<ObjectNode> change, RoutingService.Outcome expected) throws Exception {
        UUID leadId = UUID.randomUUID();
        ObjectNode event = RoutingFixtures.leadScored(leadId.toString(), UUID.randomUUID().toString(), 72);
        change.accept(event);
        assertThat(RoutingFixtures.routeByRules(routing, leadId, mapper.treeToValue(event, LeadScoredIn.class)))
                .isEqualTo(expected);
        return leadId;
    }

    private static Consumer<ObjectNode> enrichment(String path, String value) {
        return event -> {
            ObjectNode node = (ObjectNode) event.get("enrichment");
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
            node.put(parts[parts.length - 1], value);
        };
    }

    private static Consumer<ObjectNode> lead(String field, String value) {
        return event -> ((ObjectNode) event.get("lead")).put(field, value);
    }

    private String ownerOf(UUID leadId) {
        List<Row> found = rows(db, "select sdr_id from assignment where lead_id = $1", leadId);
        return found.isEmpty() ? null : found.get(0).getString("sdr_id");
    }

    private JsonNode outbox(UUID leadId, String type) throws Exception {
        List<Row> found = rows(db, "select payload::text from outbox where aggregateid = $1 and type = $2",
                leadId.toString(), type);
        assertThat(found).as(type + " for " + leadId).hasSize(1);
        return mapper.readTree(found.get(0).getString(0));
    }

    @Test
    void theMatchingRulesPoolAssignsAndTheDecisionRecordExplainsEveryCandidate() throws Exception {
        rows(db, "update sdr set paused = true where id = $1", id("ann"));

        UUID lead = route(enrichment("geography.region", "EMEA"), RoutingService.Outcome.ASSIGNED);

        assertThat(ownerOf(lead)).isEqualTo(id("bob"));
        as(TestTokens.revops()).when().get("/api/v1/leads/" + lead + "/routing").then().statusCode(200)
                .body("outcome", equalTo("assigned"))
                .body("ruleSetVersion", equalTo(version))
                .body("ruleId", equalTo("emea"))
                .body("variant", equalTo("A"))
                .body("route", equalTo("pool:" + id("emea")))
                .body("evidence.'enrichment.geography.region'", equalTo("EMEA"))
                .body("poolId", equalTo(id("emea")))
                .body("sdrId", equalTo(id("bob")))
                .body("candidates.find { it.sdrId == '" + id("ann") + "' }.skipped", equalTo("paused"))
                .body("candidates.find { it.sdrId == '" + id("bob") + "' }.chosen", equalTo(true))
                .body("owner.sdrId", equalTo(id("bob")))
                .body("hold", nullValue());
        // The owner sees their lead's record; another SDR cannot even learn it exists.
        as(TestTokens.sdr(id("bob"))).when().get("/api/v1/leads/" + lead + "/routing").then().statusCode(200);
        as(TestTokens.sdr(id("ann"))).when().get("/api/v1/leads/" + lead + "/routing").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/leads/" + lead + "/routing").then().statusCode(401);

        JsonNode assigned = outbox(lead, "LeadAssigned");
        assertThat(assigned.at("/routing/ruleId").asText()).isEqualTo("emea");
        assertThat(assigned.at("/routing/ruleSetVersion").asText()).isEqualTo(version);
        assertThat(assigned.at("/conversion/probability").asDouble()).isEqualTo(0.62);
        assertThat(rows(db, "select rule_id, variant from assignment where lead_id = $1", lead).get(0).getString("variant"))
                .isEqualTo("A");
    }

    @Test
    void theAccountOwnerGetsTheirLeadAndWhenAwayTheirPoolDoes() throws Exception {
        UUID present = route(enrichment("account.ownerId", id("cat")), RoutingService.Outcome.ASSIGNED);
        assertThat(ownerOf(present)).isEqualTo(id("cat"));

        rows(db, "insert into sdr_out_of_office (id, sdr_id, starts_at, ends_at, created_at) "
                + "values ($1, $2, now() - interval '1 hour', now() + interval '1 day', now())", UUID.randomUUID(), id("cat"));
        UUID away = route(enrichment("account.ownerId", id("cat")), RoutingService.Outcome.ASSIGNED);

        assertThat(ownerOf(away)).isEqualTo(id("dan"));
        as(TestTokens.revops()).when().get("/api/v1/leads/" + away + "/routing").then().statusCode(200)
                .body("ruleId", equalTo("named-account"))
                .body("candidates[0].role", equalTo("account-owner"))
                .body("candidates[0].skipped", equalTo("out_of_office"))
                .body("candidates.find { it.role == 'member' && it.sdrId == '" + id("cat") + "' }.skipped",
                        equalTo("out_of_office"))
                .body("steps.step", hasItem("account-owner-unavailable"));
    }

    @Test
    void anExperimentsVariantIsRecordedOnTheAssignmentForLaterComparison() throws Exception {
        String experiment = "ab-" + tag;
        String rules = """
                { "version": "%s",
                  "rules": [ { "id": "emea", "when": { "field": "enrichment.geography.region", "op": "eq", "value": "EMEA" },
                               "route": { "pool": "%s" } } ],
                  "catchAll": { "pool": "%s" },
                  "experiment": { "id": "%s", "shareB": 100,
                    "rules": [ { "id": "emea-to-owners", "when": { "field": "enrichment.geography.region", "op": "eq",
                                 "value": "EMEA" }, "route": { "pool": "%s" } } ] } }""".formatted(experiment, id("emea"),
                id("catch"), experiment, id("owners"));
        as(TestTokens.revops()).body(rules).when().post(RULE_SETS).then().statusCode(200);
        as(TestTokens.revops()).when().post(RULE_SETS + "/" + experiment + "/activate").then().statusCode(200);

        UUID lead = route(enrichment("geography.region", "EMEA"), RoutingService.Outcome.ASSIGNED);

        assertThat(ownerOf(lead)).isIn(id("cat"), id("dan"));
        Row trail = rows(db, "select rule_set_version, rule_id, experiment_id, variant, bucket from assignment "
                + "where lead_id = $1", lead).get(0);
        assertThat(trail.getString("rule_set_version")).isEqualTo(experiment);
        assertThat(trail.getString("rule_id")).isEqualTo("emea-to-owners");
        assertThat(trail.getString("experiment_id")).isEqualTo(experiment);
        assertThat(trail.getString("variant")).isEqualTo("B");
        assertThat(trail.getInteger("bucket")).isBetween(0, 99);
        assertThat(outbox(lead, "LeadAssigned").at("/routing/variant").asText()).isEqualTo("B");
    }

    @Test
    void aNamedSdrGetsTheRulesLeads() throws Exception {
        UUID lead = route(lead("campaign", "vip-" + tag), RoutingService.Outcome.ASSIGNED);
        assertThat(ownerOf(lead)).isEqualTo(id("vip"));
    }

    @Test
    void aLeadNoRuleMatchesGoesToTheCatchAllPoolAndRevOpsIsAlerted() throws Exception {
        double before = meters.counter("leadflow.routing.unmatched", "ruleSet", version).count();

        UUID lead = route(event -> { }, RoutingService.Outcome.ASSIGNED);

        assertThat(ownerOf(lead)).isEqualTo(id("eve"));
        JsonNode alert = outbox(lead, "LeadUnmatched");
        assertThat(alert.get("poolId").asText()).isEqualTo(id("catch"));
        assertThat(alert.get("outcome").asText()).isEqualTo("assigned");
        assertThat(alert.get("ruleSetVersion").asText()).isEqualTo(version);
        assertThat(meters.counter("leadflow.routing.unmatched", "ruleSet", version).count()).isEqualTo(before + 1);
        assertThat(outbox(lead, "LeadAssigned").at("/routing/ruleId").asText()).isEqualTo("catch-all");
    }

    @Test
    void aPoolThatDoesNotExistHandsTheLeadToTheCatchAllPool() throws Exception {
        UUID lead = route(lead("source", "ghost-" + tag), RoutingService.Outcome.ASSIGNED);

        assertThat(ownerOf(lead)).isEqualTo(id("eve"));
        as(TestTokens.revops()).when().get("/api/v1/leads/" + lead + "/routing").then().statusCode(200)
                .body("ruleId", equalTo("ghost"))
                .body("poolId", equalTo(id("catch")))
                .body("steps[0].step", equalTo("pool-missing"));
    }

    @Test
    void leadsNobodyCanTakeWaitInTheirPoolInOrderAndAreAssignedWhenSomeoneCan() throws Exception {
        sdr("wes");
        rows(db, "update sdr set paused = true where id = $1", id("wes"));
        pool("waiting", "wes");

        UUID first = route(lead("source", "held-" + tag), RoutingService.Outcome.HELD);
        UUID second = route(lead("source", "held-" + tag), RoutingService.Outcome.HELD);

        assertThat(ownerOf(first)).isNull();
        as(TestTokens.revops()).when().get("/api/v1/leads/" + first + "/routing").then().statusCode(200)
                .body("outcome", equalTo("held"))
                .body("hold.poolId", equalTo(id("waiting")))
                .body("candidates[0].skipped", equalTo("paused"));

        rows(db, "update sdr set paused = false where id = $1", id("wes"));

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(ownerOf(first)).isEqualTo(id("wes"));
            assertThat(ownerOf(second)).isEqualTo(id("wes"));
        });
        Row order = rows(db, "select (select assigned_at from assignment where lead_id = $1) "
                + "<= (select assigned_at from assignment where lead_id = $2)", first, second).get(0);
        assertThat(order.getBoolean(0)).as("first in, first out").isTrue();
        assertThat(rows(db, "select 1 from routing_hold where lead_id in ($1, $2)", first, second)).isEmpty();
        JsonNode assigned = outbox(first, "LeadAssigned");
        assertThat(assigned.at("/routing/heldSince").isTextual()).isTrue();
        assertThat(assigned.at("/routing/ruleId").asText()).isEqualTo("held");
        as(TestTokens.revops()).when().get("/api/v1/leads/" + first + "/routing").then().statusCode(200)
                .body("outcome", equalTo("assigned"))
                .body("steps.step", hasItem("held"))
                .body("steps.step", hasItem("assigned-from-hold"));
    }

    @Test
    void aLeadThatWaitedPastItsPoolsLimitMovesToTheFallbackPool() throws Exception {
        sdr("wes");
        rows(db, "update sdr set paused = true where id = $1", id("wes"));
        sdr("fay");
        pool("fallback", "fay");
        pool("waiting", "wes");
        rows(db, "update pool set fallback_pool_id = $1, fallback_after_seconds = 1 where id = $2", id("fallback"),
                id("waiting"));

        UUID lead = route(lead("source", "held-" + tag), RoutingService.Outcome.HELD);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(ownerOf(lead)).isEqualTo(id("fay")));
        assertThat(rows(db, "select pool_id from assignment where lead_id = $1", lead).get(0).getString("pool_id"))
                .isEqualTo(id("fallback"));
        as(TestTokens.revops()).when().get("/api/v1/leads/" + lead + "/routing").then().statusCode(200)
                .body("steps.step", hasItem("fallback"))
                .body("poolId", equalTo(id("fallback")));
    }
}
