package io.leadflow.scoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.EventBurst;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The learned conversion model end to end: leads scored, their outcomes arriving from the CRM, a model trained on them
 * and promoted, then every new lead's LeadScored carrying its probability, and each new outcome teaching the champion.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ConversionModelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String MODELS = "/api/v1/scoring/models";
    private static final String[] SENIORITIES = {"c_level", "vp", "director", "manager", "individual_contributor", "student"};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool db;

    private ObjectNode enriched(String leadId, String seniority) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadEnriched"));
        event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) event.at("/enrichment/person")).put("seniority", seniority);
        return event;
    }

    private ObjectNode closed(String leadId, boolean won) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("OpportunityClosed"));
        return event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString())
                .put("opportunityId", UUID.randomUUID().toString()).put("outcome", won ? "WON" : "LOST");
    }

    private long count(String sql, List<String> leads) {
        return Sql.rows(db, sql, (Object) leads.stream().map(UUID::fromString).toArray(UUID[]::new)).get(0).getLong(0);
    }

    @Test
    void aModelLearntFromOutcomesScoresNewLeadsAndKeepsLearning() throws Exception {
        given().auth().oauth2(TestTokens.revops()).when().post(MODELS + "/train").then().statusCode(422);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get(MODELS).then().statusCode(403);

        // 90 leads: seniority drives the outcome, with one lead in six going against it so the model is not perfect.
        List<String> leads = new ArrayList<>();
        List<ObjectNode> enrichedLeads = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String leadId = UUID.randomUUID().toString();
            leads.add(leadId);
            enrichedLeads.add(enriched(leadId, SENIORITIES[i % SENIORITIES.length]));
        }
        EventBurst.send(bootstrap, "leads.enrichment.v1", "LeadEnriched", enrichedLeads);
        await().atMost(DEADLINE).until(() -> count("select count(*) from lead_score where lead_id = any($1)", leads)
                == leads.size());
        // Most outcomes are closed opportunities; a third of the losers never got that far: their SDR disqualified them.
        List<ObjectNode> outcomes = new ArrayList<>();
        List<ObjectNode> disqualifications = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            boolean senior = i % SENIORITIES.length < 3;
            boolean won = i % 7 == 6 ? !senior : senior;
            if (!won && i % 3 == 0) {
                disqualifications.add(disqualified(leads.get(i), "not_a_fit"));
            } else {
                outcomes.add(closed(leads.get(i), won));
            }
        }
        assertThat(disqualifications).hasSizeGreaterThan(10);
        EventBurst.send(bootstrap, "leads.crm.v1", "OpportunityClosed", outcomes);
        EventBurst.send(bootstrap, "leads.routing.v1", "LeadDisqualified", disqualifications);
        await().atMost(DEADLINE).until(() -> count("select count(*) from lead_outcome where lead_id = any($1)", leads)
                + count("select count(*) from lead_disqualification where lead_id = any($1)", leads) == leads.size());

        JsonNode trained = mapper.readTree(given().auth().oauth2(TestTokens.revops()).when().post(MODELS + "/train")
                .then().statusCode(200).extract().asString());
        int version = trained.at("/model/version").asInt();
        assertThat(trained.get("promoted").asBoolean()).isTrue();
        assertThat(trained.at("/model/status").asText()).isEqualTo("champion");
        assertThat(trained.at("/model/outcomes").asInt()).isGreaterThanOrEqualTo(90);
        assertThat(trained.at("/model/auc").asDouble()).isGreaterThan(0.75);
        assertThat(trained.at("/model/calibration")).isNotEmpty();
        given().auth().oauth2(TestTokens.admin()).when().get(MODELS + "/active").then().statusCode(200)
                .body("version", is(version)).body("kind", is("logistic-regression"));

        String senior = UUID.randomUUID().toString();
        String student = UUID.randomUUID().toString();
        try (TopicProbe scored = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            TopicProbe.send(bootstrap, "leads.enrichment.v1", senior, UUID.randomUUID().toString(), "LeadEnriched",
                    enriched(senior, "c_level").toString());
            TopicProbe.send(bootstrap, "leads.enrichment.v1", student, UUID.randomUUID().toString(), "LeadEnriched",
                    enriched(student, "student").toString());
            String seniorScored = scored.awaitOne(keyed(senior, "LeadScored"), DEADLINE).value();
            String studentScored = scored.awaitOne(keyed(student, "LeadScored"), DEADLINE).value();
            assertThat(EventContracts.violations("LeadScored", seniorScored)).isEmpty();
            JsonNode high = mapper.readTree(seniorScored).get("conversion");
            JsonNode low = mapper.readTree(studentScored).get("conversion");
            assertThat(high.get("modelVersion").asInt()).isEqualTo(version);
            assertThat(high.get("probability").asDouble()).isGreaterThan(low.get("probability").asDouble());
            assertThat(high.get("factors")).isNotEmpty();
            assertThat(high.get("factors").get(0).get("feature").asText()).isNotBlank();
        }

        // A new outcome is one online step of the champion.
        TopicProbe.send(bootstrap, "leads.crm.v1", senior, UUID.randomUUID().toString(), "OpportunityClosed",
                closed(senior, true).toString());
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.revops()).when().get(MODELS + "/active")
                .then().statusCode(200).body("version", is(version)).body("updates", is(1)));
        given().auth().oauth2(TestTokens.revops()).when().post(MODELS + "/999999/promote").then().statusCode(404);

        // A disqualified lead with no opportunity is a lost outcome: one more step. A duplicate says nothing about the
        // lead: recorded, not learnt (the step would be in the same transaction as the row).
        TopicProbe.send(bootstrap, "leads.routing.v1", student, UUID.randomUUID().toString(), "LeadDisqualified",
                disqualified(student, "duplicate").toString());
        await().atMost(DEADLINE).until(() -> count("select count(*) from lead_disqualification where lead_id = any($1)",
                List.of(student)) == 1);
        given().auth().oauth2(TestTokens.revops()).when().get(MODELS + "/active").then().statusCode(200).body("updates", is(1));
        String another = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, "leads.enrichment.v1", another, UUID.randomUUID().toString(), "LeadEnriched",
                enriched(another, "student").toString());
        await().atMost(DEADLINE).until(() -> count("select count(*) from lead_score where lead_id = any($1)",
                List.of(another)) == 1);
        TopicProbe.send(bootstrap, "leads.routing.v1", another, UUID.randomUUID().toString(), "LeadDisqualified",
                disqualified(another, "no_budget").toString());
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.revops()).when().get(MODELS + "/active")
                .then().statusCode(200).body("updates", is(2)));
    }

    private ObjectNode disqualified(String leadId, String reason) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadDisqualified"));
        return event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString()).put("reason", reason);
    }
}
