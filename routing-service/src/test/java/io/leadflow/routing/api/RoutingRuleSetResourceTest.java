package io.leadflow.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingRuleSets;
import io.leadflow.routing.domain.RoutingService;
import io.leadflow.routing.messaging.in.LeadScoredIn;
import io.leadflow.routing.rules.Route;
import io.leadflow.routing.rules.RoutingFacts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Routing rules as data through the admin API: a draft validated, dry-run on routed leads, activated, rolled back. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingRuleSetResourceTest {

    private static final String RULE_SETS = "/api/v1/routing/rule-sets";

    @Inject
    RoutingService routing;
    @Inject
    RoutingRuleSets ruleSets;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    /** A draft: owned accounts to their owner, EMEA to its pool, score 95+ to a named SDR, the rest to pool default. */
    private static String draft(String version) {
        return """
                { "version": "%s", "description": "accounts first",
                  "rules": [
                    { "id": "named-account", "when": { "field": "enrichment.account.ownerId", "op": "exists" },
                      "route": { "accountOwner": { "else": "owner-pool" } } },
                    { "id": "emea", "when": { "field": "enrichment.geography.region", "op": "eq", "value": "EMEA" },
                      "route": { "pool": "emea-test" } },
                    { "id": "vip", "when": { "field": "score.value", "op": "gte", "value": 95 }, "route": { "sdr": "sdr-404" } } ],
                  "catchAll": { "pool": "default" } }""".formatted(version);
    }

    /** Assigns (pool default) a lead like the LeadScored example, with the enrichment changed by {@code enrich}. */
    private String routed(Consumer<ObjectNode> enrich) throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode event = RoutingFixtures.leadScored(leadId, UUID.randomUUID().toString(), 72);
        enrich.accept((ObjectNode) event.get("enrichment"));
        RoutingService.Outcome outcome = RoutingFixtures.route(routing, UUID.fromString(leadId),
                mapper.treeToValue(event, LeadScoredIn.class), "default");
        assertThat(outcome).isEqualTo(RoutingService.Outcome.ASSIGNED);
        return leadId;
    }

    @Test
    void onlyRevOpsAndAdminsSeeOrChangeRoutingRules() {
        given().when().get(RULE_SETS).then().statusCode(401);
        as(TestTokens.sdr("sdr-1")).when().get(RULE_SETS).then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).body(draft("sdr-draft")).when().post(RULE_SETS).then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).when().post(RULE_SETS + "/default-1/activate").then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).when().post(RULE_SETS + "/rollback").then().statusCode(403);
        as(TestTokens.revops()).when().get(RULE_SETS).then().statusCode(200)
                .body("find { it.version == 'default-1' }.definition.catchAll.pool", equalTo("default"));
        as(TestTokens.admin()).when().get(RULE_SETS + "/default-1").then().statusCode(200);
        as(TestTokens.revops()).when().get(RULE_SETS + "/no-such-version").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anInvalidDraftIsRefusedWithEveryErrorByItsPathAndNothingIsStored() {
        String version = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        String broken = draft(version).replace("enrichment.account.ownerId", "enrichment.account.owner")
                .replace("\"pool\": \"emea-test\"", "\"pol\": \"emea-test\"")
                .replace("\"catchAll\": { \"pool\": \"default\" }", "\"catchAll\": {}");
        as(TestTokens.revops()).body(broken).when().post(RULE_SETS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("rules[0].when.field", "rules[1].route.pol", "catchAll.pool"));
        as(TestTokens.revops()).body(broken).when().post(RULE_SETS + "/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.path", hasItem("rules[0].when.field"))
                .body("errors.find { it.path == 'rules[0].when.field' }.message",
                        equalTo("unknown field enrichment.account.owner (did you mean enrichment.account.ownerId?)"));
        as(TestTokens.revops()).body(draft(version)).when().post(RULE_SETS + "/validate").then().statusCode(200)
                .body("valid", equalTo(true));
        as(TestTokens.revops()).body("[1]").when().post(RULE_SETS).then().statusCode(400).body("errors.field", hasItem("body"));
        as(TestTokens.revops()).when().get(RULE_SETS + "/" + version).then().statusCode(404);
    }

    @Test
    void aDraftIsDryRunOnRoutedLeadsActivatedAndRolledBack() throws Exception {
        // A fresh database has never activated anything but the shipped default: nothing to roll back to.
        long everReplaced = RoutingFixtures.rows(db, "select count(*) from routing_rule_set where status = 'retired' "
                + "and activated_at is not null").get(0).getLong(0);
        if (everReplaced == 0) {
            as(TestTokens.admin()).when().post(RULE_SETS + "/rollback").then().statusCode(409)
                    .contentType("application/problem+json");
        }
        assertThat(ruleSets.active().version()).isEqualTo("default-1");

        String owned = routed(e -> e.putObject("account").put("accountId", "acc-" + UUID.randomUUID()).put("ownerId", "sdr-2"));
        String emea = routed(e -> e.putObject("geography").put("region", "EMEA").put("country", "GB"));
        String plain = routed(e -> { });

        String version = "accounts-" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.revops()).body(draft(version)).when().post(RULE_SETS).then().statusCode(200)
                .body("version", equalTo(version)).body("status", equalTo("draft"))
                .body("definition.rules[0].id", equalTo("named-account"));
        as(TestTokens.revops()).body(draft(version)).when().post(RULE_SETS).then().statusCode(409)
                .contentType("application/problem+json");

        // Dry-run: the three leads just routed (all to pool default today) under the draft.
        as(TestTokens.revops()).queryParam("leads", 0).when().post(RULE_SETS + "/" + version + "/dry-run").then()
                .statusCode(400).body("errors.field", hasItem("leads"));
        as(TestTokens.revops()).when().post(RULE_SETS + "/no-such-version/dry-run").then().statusCode(404);
        JsonNode report = mapper.readTree(as(TestTokens.revops()).queryParam("leads", 50)
                .when().post(RULE_SETS + "/" + version + "/dry-run").then().statusCode(200).extract().asString());
        int leads = report.get("leads").asInt();
        assertThat(leads).isBetween(3, 50);
        assertThat(report.at("/active/ruleSetVersion").asText()).isEqualTo("default-1");
        assertThat(report.at("/active/routes/pool:default").asInt()).isEqualTo(leads);
        assertThat(report.at("/draft/ruleSetVersion").asText()).isEqualTo(version);
        assertThat(report.at("/draft/rules/named-account").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/draft/rules/emea").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/draft/routes/pool:emea-test").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/draft/variants/A").asInt()).isEqualTo(leads);
        List<String> changed = new ArrayList<>();
        report.get("changed").forEach(c -> changed.add(c.get("leadId").asText()));
        assertThat(changed).contains(owned, emea).doesNotContain(plain);
        JsonNode ownedChange = find(report.get("changed"), owned);
        assertThat(ownedChange.at("/active/route").asText()).isEqualTo("pool:default");
        assertThat(ownedChange.at("/active/rule").asText()).isEqualTo("catch-all");
        assertThat(ownedChange.at("/draft/rule").asText()).isEqualTo("named-account");
        assertThat(ownedChange.at("/draft/route").asText()).isEqualTo("accountOwner:sdr-2 else owner-pool");
        assertThat(ownedChange.at("/draft/evidence/enrichment.account.ownerId").asText()).isEqualTo("sdr-2");
        assertThat(find(report.get("changed"), emea).at("/draft/route").asText()).isEqualTo("pool:emea-test");
        assertThat(report.get("unknownPools")).extracting(JsonNode::asText).containsExactly("emea-test");
        assertThat(report.get("unknownSdrs")).extracting(JsonNode::asText).containsExactly("sdr-404");
        // A dry-run changes nothing.
        assertThat(ruleSets.active().version()).isEqualTo("default-1");
        as(TestTokens.revops()).when().get(RULE_SETS + "/" + version).then().body("status", equalTo("draft"));

        RoutingFacts ownedLead = RoutingFacts.parse(RoutingFixtures.rows(db, "select json_build_object('leadId', lead_id, "
                + "'lead', lead, 'enrichment', enrichment, 'score', score)::text from assignment where lead_id = $1",
                UUID.fromString(owned)).get(0).getString(0));
        try {
            as(TestTokens.admin()).when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200)
                    .body("status", equalTo("active")).body("version", equalTo(version));
            as(TestTokens.admin()).when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200)
                    .body("status", equalTo("active"));
            as(TestTokens.revops()).when().get(RULE_SETS).then().statusCode(200)
                    .body("find { it.version == 'default-1' }.status", equalTo("retired"))
                    .body("findAll { it.status == 'active' }.version", equalTo(List.of(version)));
            // This replica routes by it at once.
            assertThat(ruleSets.active().version()).isEqualTo(version);
            assertThat(ruleSets.decide(ownedLead).route()).isEqualTo(new Route.AccountOwner(
                    ownedLead.json().at("/enrichment/account/accountId").asText(), "sdr-2", null));
        } finally {
            as(TestTokens.admin()).when().post(RULE_SETS + "/rollback").then().statusCode(200)
                    .body("version", equalTo("default-1")).body("status", equalTo("active"));
        }
        assertThat(ruleSets.active().version()).isEqualTo("default-1");
        assertThat(ruleSets.decide(ownedLead).route()).isEqualTo(new Route.Pool("default"));
        as(TestTokens.revops()).when().get(RULE_SETS + "/" + version).then().body("status", equalTo("retired"));
        as(TestTokens.admin()).when().post(RULE_SETS + "/no-such-version/activate").then().statusCode(404);
    }

    private static JsonNode find(JsonNode changed, String leadId) {
        for (JsonNode c : changed) {
            if (c.get("leadId").asText().equals(leadId)) {
                return c;
            }
        }
        throw new AssertionError("lead " + leadId + " is not among the changed: " + changed);
    }
}
