package io.leadflow.crm.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The closed loop on the built-in CRM: routing's events make the lead's story, LeadQualified makes the opportunity,
 * and its stage changes and close come back as OpportunityStageChanged, OpportunityClosed (with attribution) and, for a
 * deal lost for a reason that does not rule the lead out, LeadRecycled.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
class OutcomeFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ROUTING = "leads.routing.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private ObjectNode example(String type, UUID leadId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        return event.put("leadId", leadId.toString()).put("eventId", UUID.randomUUID().toString());
    }

    private void send(ObjectNode event) {
        TopicProbe.send(bootstrap, ROUTING, event.get("leadId").asText(), event.get("eventId").asText(),
                event.get("eventType").asText(), event.toString());
    }

    /** Assigned, touched and qualified through routing's topic; answers the opportunity id once synced. */
    private UUID qualifiedLead(UUID leadId) throws Exception {
        String domain = "globex-" + leadId.toString().substring(0, 8) + ".example";
        send(example("LeadAssigned", leadId));
        send(example("LeadTouched", leadId));
        ObjectNode qualified = example("LeadQualified", leadId);
        ((ObjectNode) qualified.get("lead")).put("email", "hank@" + domain);
        ((ObjectNode) qualified.get("enrichment")).put("emailDomain", domain).put("companyDomain", domain);
        send(qualified);
        await().atMost(DEADLINE).until(() -> !Sql.rows(db,
                "select 1 from crm_sync where lead_id = $1 and state = 'synced'", leadId).isEmpty());
        return Sql.rows(db, "select opportunity_id from crm_sync where lead_id = $1", leadId).get(0).getUUID("opportunity_id");
    }

    private List<JsonNode> events(UUID leadId, String type) throws Exception {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (Row row : Sql.rows(db, "select cast(payload as text) as payload from outbox where aggregateid = $1 and type = $2 order by occurred_at",
                leadId.toString(), type)) {
            String payload = row.getString("payload");
            assertThat(EventContracts.violations(type, payload)).isEmpty();
            events.add(mapper.readTree(payload));
        }
        return events;
    }

    private void post(UUID opportunityId, String action, String body) {
        given().auth().oauth2(TestTokens.revops()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/opportunities/" + opportunityId + "/" + action)
                .then().statusCode(200);
    }

    @Test
    void aDealLostOnBudgetIsPublishedWithItsAttributionAndTheLeadRecycled() throws Exception {
        UUID leadId = UUID.randomUUID();
        UUID opportunityId = qualifiedLead(leadId);

        post(opportunityId, "stage", "{\"stage\":\"proposal\"}");
        post(opportunityId, "close", "{\"outcome\":\"LOST\",\"reason\":\"No budget until Q3\"}");

        JsonNode moved = events(leadId, "OpportunityStageChanged").get(0);
        assertThat(moved.get("stage").asText()).isEqualTo("proposal");
        assertThat(moved.get("previousStage").asText()).isEqualTo("discovery");

        List<JsonNode> closed = events(leadId, "OpportunityClosed");
        assertThat(closed).hasSize(1);
        JsonNode attribution = closed.get(0).get("attribution");
        assertThat(closed.get(0).get("outcome").asText()).isEqualTo("LOST");
        assertThat(closed.get(0).get("lifecycle").asText()).isEqualTo("lead");
        assertThat(attribution.get("source").asText()).isEqualTo("google");
        assertThat(attribution.get("campaign").asText()).isEqualTo("q4-demo");
        assertThat(attribution.get("ruleId").asText()).isEqualTo("enterprise-na");
        assertThat(attribution.get("routingRuleSet").asText()).isEqualTo("2026-12-revops-1");
        assertThat(attribution.get("variant").asText()).isEqualTo("A");
        assertThat(attribution.get("scoringRuleSet").asText()).isEqualTo("default-1");
        assertThat(attribution.get("modelVersion").asInt()).isEqualTo(3);
        assertThat(attribution.get("sdrId").asText()).isEqualTo("sdr-1");

        List<JsonNode> recycled = events(leadId, "LeadRecycled");
        assertThat(recycled).hasSize(1);
        assertThat(recycled.get(0).get("reason").asText()).isEqualTo("No budget until Q3");
        assertThat(recycled.get(0).get("opportunityId").asText()).isEqualTo(opportunityId.toString());

        Row sync = Sql.rows(db, "select * from crm_sync where lead_id = $1", leadId).get(0);
        assertThat(sync.getString("outcome")).isEqualTo("LOST");
        assertThat(sync.getString("lifecycle")).isEqualTo("lead");
        assertThat(sync.getString("loss_reason")).isEqualTo("No budget until Q3");
    }

    @Test
    void aDealLostAsNotAFitIsNotRecycled() throws Exception {
        UUID leadId = UUID.randomUUID();
        UUID opportunityId = qualifiedLead(leadId);

        post(opportunityId, "close", "{\"outcome\":\"LOST\",\"reason\":\"Not a fit: 3 employees\"}");

        assertThat(events(leadId, "OpportunityClosed")).singleElement()
                .satisfies(closed -> assertThat(closed.get("lifecycle").asText()).isEqualTo("other"));
        assertThat(events(leadId, "LeadRecycled")).isEmpty();
    }

    @Test
    void aWonDealMakesTheLeadACustomerOnce() throws Exception {
        UUID leadId = UUID.randomUUID();
        UUID opportunityId = qualifiedLead(leadId);

        post(opportunityId, "close", "{\"outcome\":\"WON\",\"amount\":48000}");
        given().auth().oauth2(TestTokens.revops()).contentType(ContentType.JSON).body("{\"outcome\":\"WON\"}")
                .when().post("/api/v1/opportunities/" + opportunityId + "/close").then().statusCode(409);

        assertThat(events(leadId, "OpportunityClosed")).singleElement().satisfies(closed -> {
            assertThat(closed.get("outcome").asText()).isEqualTo("WON");
            assertThat(closed.get("amount").decimalValue()).isEqualByComparingTo("48000");
            assertThat(closed.get("lifecycle").asText()).isEqualTo("customer");
        });
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/crm/syncs/" + leadId)
                .then().statusCode(200).body("lifecycle", is("customer")).body("outcome", is("WON"));
    }

    @Test
    void theHandOverTellsTheStoryRoutingsEventsMade() throws Exception {
        UUID leadId = UUID.randomUUID();
        qualifiedLead(leadId);

        String handOver = Sql.rows(db, "select cast(hand_over as text) as h from crm_sync where lead_id = $1", leadId)
                .get(0).getString("h");
        JsonNode story = mapper.readTree(handOver).get("story");
        assertThat(story.get("score").asInt()).isEqualTo(72);
        assertThat(story.get("reasons").get(1).asText()).isEqualTo("senior-title: +20 (VP Sales)");
        assertThat(story.get("touches").get(0).get("note").asText()).startsWith("Spoke to Ada");
        String description = Sql.rows(db, "select conversion -> 'opportunity' ->> 'description' as d from crm_sync where lead_id = $1", leadId)
                .get(0).getString("d");
        assertThat(description).contains("Score: 72 (A)").contains("call, connected: Spoke to Ada");
    }

    @Test
    void aStageOutsideTheOpenOnesIsAProblemNamingTheField() throws Exception {
        UUID leadId = UUID.randomUUID();
        UUID opportunityId = qualifiedLead(leadId);

        given().auth().oauth2(TestTokens.revops()).contentType(ContentType.JSON).body("{\"stage\":\"closed-won\"}")
                .when().post("/api/v1/opportunities/" + opportunityId + "/stage")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("stage"));
        assertThat(events(leadId, "OpportunityStageChanged")).isEmpty();
    }
}
