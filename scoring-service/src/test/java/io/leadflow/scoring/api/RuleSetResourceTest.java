package io.leadflow.scoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.scoring.rules.ScoringRuleSets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Rule sets as data: a draft validated, dry-run against the active one, activated, then rolled back. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class RuleSetResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String RULE_SETS = "/api/v1/scoring/rule-sets";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool db;

    private ObjectNode shippedDefault() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ScoringRuleSets.DEFAULT_RESOURCE)) {
            return (ObjectNode) mapper.readTree(in);
        }
    }

    private String score(String leadId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadEnriched"));
        event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        try (TopicProbe scored = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, event.get("eventId").asText(), "LeadEnriched", event.toString());
            return scored.awaitOne(keyed(leadId, "LeadScored"), DEADLINE).value();
        }
    }

    @Test
    void aDraftIsValidatedDryRunActivatedAndRolledBack() throws Exception {
        given().auth().oauth2(TestTokens.revops()).when().get(RULE_SETS).then().statusCode(200)
                .body("find { it.status == 'active' }.version", is("default-2"));
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get(RULE_SETS).then().statusCode(403);

        // Invalid: every error named by its JSON path, nothing stored.
        ObjectNode broken = shippedDefault().put("version", "broken-" + UUID.randomUUID());
        ((ObjectNode) broken.at("/rules/0/when")).put("field", "enrichment.person.senority");
        ((ObjectNode) broken.at("/rules/1")).put("points", 150);
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(broken.toString())
                .when().post(RULE_SETS).then().statusCode(400)
                .body("errors.field", hasItem("rules[0].when.field")).body("errors.field", hasItem("rules[1].points"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(broken.toString())
                .when().post(RULE_SETS + "/validate").then().statusCode(200).body("valid", is(false));

        String leadId = UUID.randomUUID().toString();
        JsonNode before = mapper.readTree(score(leadId));
        assertThat(before.at("/score/ruleSetVersion").asText()).isEqualTo("default-2");
        assertThat(before.at("/score/mql").asBoolean()).isTrue();

        // A stricter draft: MQL at 90. Dry-run: this lead would fall below the threshold.
        String version = "strict-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode strict = shippedDefault().put("version", version).put("mqlThreshold", 90);
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(strict.toString())
                .when().post(RULE_SETS).then().statusCode(200).body("status", is("draft"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(strict.toString())
                .when().post(RULE_SETS).then().statusCode(409);
        JsonNode report = mapper.readTree(given().auth().oauth2(TestTokens.revops()).queryParam("leads", 50)
                .when().post(RULE_SETS + "/" + version + "/dry-run").then().statusCode(200).extract().asString());
        assertThat(report.get("leads").asInt()).isBetween(1, 50);
        assertThat(report.get("fellBelow").findValuesAsText("leadId")).contains(leadId);
        assertThat(report.get("crossedAbove")).isEmpty();

        try {
            given().auth().oauth2(TestTokens.admin()).when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200)
                    .body("status", is("active")).body("rescore", nullValue());
            // Without rescore=true the old lead keeps its score: nothing re-emitted.
            assertThat(Sql.rows(db, "select rule_set_version from lead_score where lead_id = $1", UUID.fromString(leadId))
                    .get(0).getString(0)).isEqualTo("default-2");
            String next = UUID.randomUUID().toString();
            JsonNode after = mapper.readTree(score(next));
            assertThat(after.at("/score/ruleSetVersion").asText()).isEqualTo(version);
            assertThat(after.at("/score/mql").asBoolean()).isFalse();
            assertThat(Sql.rows(db, "select rule_set_version from lead_score where lead_id = $1", UUID.fromString(next)))
                    .singleElement().satisfies(row -> assertThat(row.getString("rule_set_version")).isEqualTo(version));
        } finally {
            given().auth().oauth2(TestTokens.admin()).when().post(RULE_SETS + "/rollback").then().statusCode(200)
                    .body("version", is("default-2")).body("status", is("active"));
        }
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(mapper.readTree(score(UUID.randomUUID().toString()))
                .at("/score/ruleSetVersion").asText()).isEqualTo("default-2"));
    }

    @Test
    void activationCanReScoreTheOldLeadsAndDoingItTwiceChangesNothing() throws Exception {
        String vp = UUID.randomUUID().toString();
        JsonNode vpBefore = mapper.readTree(score(vp));
        String newsletter = UUID.randomUUID().toString();
        ObjectNode quiet = (ObjectNode) mapper.readTree(EventContracts.example("LeadEnriched"));
        quiet.put("leadId", newsletter).put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) quiet.get("lead")).put("formId", "newsletter");
        JsonNode quietBefore;
        try (TopicProbe scored = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            TopicProbe.send(bootstrap, "leads.enrichment.v1", newsletter, quiet.get("eventId").asText(), "LeadEnriched",
                    quiet.toString());
            quietBefore = mapper.readTree(scored.awaitOne(keyed(newsletter, "LeadScored"), DEADLINE).value());
        }
        assertThat(quietBefore.at("/score/mql").asBoolean()).isFalse();
        int quietScore = quietBefore.at("/score/value").asInt();

        // A generous draft: the MQL bar at the quiet lead's score, and a demo request worth 4 more points.
        String version = "generous-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode generous = shippedDefault().put("version", version).put("mqlThreshold", quietScore);
        for (JsonNode rule : generous.get("rules")) {
            if ("demo-request".equals(rule.get("id").asText())) {
                ((ObjectNode) rule).put("points", rule.get("points").asInt() + 4);
            }
        }
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(generous.toString())
                .when().post(RULE_SETS).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("rescore", "maybe")
                .when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(400)
                .body("errors.field", hasItem("rescore"));

        try (TopicProbe scored = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            JsonNode activation = mapper.readTree(given().auth().oauth2(TestTokens.admin()).queryParam("rescore", "true")
                    .when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200)
                    .body("status", is("active")).extract().asString());
            JsonNode rescore = activation.get("rescore");
            assertThat(rescore.get("ruleSetVersion").asText()).isEqualTo(version);
            assertThat(rescore.get("leads").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(rescore.get("changed").asInt()).isBetween(2, rescore.get("leads").asInt());
            assertThat(rescore.get("newlyQualified").asInt()).isGreaterThanOrEqualTo(1);

            // The probe reads the topic from its start: the first LeadScored of the lead, then the re-score's.
            JsonNode vpAfter = mapper.readTree(scored.await(keyed(vp, "LeadScored"), 2, DEADLINE).get(1).value());
            assertThat(vpAfter.at("/score/ruleSetVersion").asText()).isEqualTo(version);
            assertThat(vpAfter.at("/score/value").asInt()).isEqualTo(Math.min(100, vpBefore.at("/score/value").asInt() + 4));
            String qualified = scored.awaitOne(keyed(newsletter, "LeadMarketingQualified"), DEADLINE).value();
            assertThat(EventContracts.violations("LeadMarketingQualified", qualified)).isEmpty();
            assertThat(mapper.readTree(qualified).get("trigger").asText()).isEqualTo("rescored");

            // Again: every lead is at this version already, nothing changes and nothing is emitted.
            given().auth().oauth2(TestTokens.admin()).queryParam("rescore", "true")
                    .when().post(RULE_SETS + "/" + version + "/activate").then().statusCode(200)
                    .body("rescore.changed", is(0)).body("rescore.newlyQualified", is(0));
            assertThat(Sql.rows(db, "select count(*) from outbox where aggregateid = $1 and type = 'LeadScored'", vp)
                    .get(0).getLong(0)).isEqualTo(2);
        } finally {
            given().auth().oauth2(TestTokens.admin()).when().post(RULE_SETS + "/rollback").then().statusCode(200)
                    .body("version", is("default-2"));
        }
    }
}
