package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ScoringConsumersTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool db;

    private ObjectNode example(String type, String leadId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        return event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
    }

    @Test
    void anEnrichedLeadIsScoredWithReasonsAndTheSnapshotsTravelOn() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode enriched = example("LeadEnriched", leadId);
        try (TopicProbe scored = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, enriched.get("eventId").asText(), "LeadEnriched",
                    enriched.toString());

            ConsumerRecord<String, String> record = scored.awaitOne(keyed(leadId, "LeadScored"), DEADLINE);
            assertThat(EventContracts.violations("LeadScored", record.value())).isEmpty();
            JsonNode payload = mapper.readTree(record.value());
            assertThat(payload.at("/score/value").asInt()).isEqualTo(75);
            assertThat(payload.at("/score/grade").asText()).isEqualTo("A4");
            assertThat(payload.at("/score/temperature").asText()).isEqualTo("hot");
            assertThat(payload.at("/score/mql").asBoolean()).isTrue();
            assertThat(payload.at("/lead/email").asText()).isEqualTo(enriched.at("/lead/email").asText());
            assertThat(payload.at("/lead/campaign").asText()).isEqualTo("q4-demo");
        }

        given().auth().oauth2(TestTokens.revops())
                .when().get("/api/v1/leads/{id}/score", leadId)
                .then().statusCode(200).body("score", is(75)).body("grade", is("A4"))
                .body("reasons.rule", hasItems("business-email", "vp-or-above", "demo-request"));
    }

    @Test
    void aRescoreThatChangesNothingPublishesNothing() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode first = example("LeadEnriched", leadId);
        ObjectNode again = example("LeadEnriched", leadId);
        TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, first.get("eventId").asText(), "LeadEnriched", first.toString());
        TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, again.get("eventId").asText(), "LeadEnriched", again.toString());

        // Both events are in the inbox once the second is processed; only the first produced events: its LeadScored
        // and, as the lead is over the threshold, its one LeadMarketingQualified.
        await().atMost(DEADLINE).until(() -> count("select count(*) from inbox where event_id in ($1, $2)",
                UUID.fromString(first.get("eventId").asText()), UUID.fromString(again.get("eventId").asText())) == 2);
        assertThat(count("select count(*) from outbox where aggregateid = $1 and type = 'LeadScored'", leadId)).isEqualTo(1);
        assertThat(count("select count(*) from outbox where aggregateid = $1 and type = 'LeadMarketingQualified'", leadId))
                .isEqualTo(1);
    }

    @Test
    void aClosedOpportunityIsStoredAsTheLeadsOutcome() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode enriched = example("LeadEnriched", leadId);
        TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, enriched.get("eventId").asText(), "LeadEnriched", enriched.toString());
        ObjectNode closed = example("OpportunityClosed", leadId).put("opportunityId", UUID.randomUUID().toString())
                .put("outcome", "LOST").put("reason", "No budget");
        TopicProbe.send(bootstrap, "leads.crm.v1", leadId, closed.get("eventId").asText(), "OpportunityClosed", closed.toString());

        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.revops())
                .when().get("/api/v1/leads/{id}/score", leadId)
                .then().statusCode(200).body("outcomes.outcome", hasItems("LOST")).body("outcomes.reason", hasItems("No budget")));
    }

    @Test
    void theScoreApiNeedsARevOpsOrAdminToken() {
        String leadId = UUID.randomUUID().toString();
        given().when().get("/api/v1/leads/{id}/score", leadId).then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/leads/{id}/score", leadId).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/leads/{id}/score", leadId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private long count(String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(DEADLINE).iterator().next().getLong(0);
    }
}
