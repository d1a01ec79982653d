package io.leadflow.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Qualifying with a framework template (BANT, MEDDIC, CHAMP): the templates endpoint, the checks, LeadQualified. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class QualificationTemplateResourceTest {

    private static final String MEDDIC = """
            {"framework": "meddic",
             "answers": {"metrics": "Response time from 1 day to 5 minutes", "economicBuyer": "CFO Grace Hopper",
                         "decisionCriteria": "Salesforce sync, price per seat", "identifyPain": "Leads go cold overnight",
                         "champion": "Ada, VP Sales"},
             "notes": "Security review in January"}
            """;

    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private List<Row> qualifiedEvents(UUID leadId) {
        return RoutingFixtures.rows(db, "select payload::text as payload from outbox where aggregateid = $1 and type = $2",
                leadId.toString(), "LeadQualified");
    }

    private UUID acceptedLeadOf(String sdr) {
        UUID lead = RoutingFixtures.leadOf(routing, db, sdr);
        as(TestTokens.sdr(sdr)).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);
        return lead;
    }

    @Test
    void anSdrListsTheThreeFrameworksWithTheirFieldsAndTheDefault() {
        given().when().get("/api/v1/sdr/qualification-templates").then().statusCode(401);
        as(TestTokens.revops()).when().get("/api/v1/sdr/qualification-templates").then().statusCode(403);

        as(TestTokens.sdr("sdr-1")).when().get("/api/v1/sdr/qualification-templates")
                .then().statusCode(200)
                .body("defaultTemplate", equalTo("bant"))
                .body("templates.id", contains("bant", "meddic", "champ"))
                .body("templates[0].fields.key", contains("budget", "authority", "need", "timeline"))
                .body("templates[0].fields[2].maxLength", equalTo(2000))
                .body("templates[1].label", equalTo("MEDDIC"))
                .body("templates[1].fields.key", contains("metrics", "economicBuyer", "decisionCriteria",
                        "decisionProcess", "identifyPain", "champion"))
                .body("templates[1].fields[3].required", equalTo(false))
                .body("templates[1].fields[5].label", equalTo("Champion"))
                .body("templates[2].fields.key", contains("challenges", "authority", "money", "prioritization"));
    }

    @Test
    void qualifyingWithMeddicPublishesLeadQualifiedWithTheFrameworkAndAnswersAndNoBant() throws Exception {
        UUID lead = acceptedLeadOf("sdr-2");

        as(TestTokens.sdr("sdr-2")).contentType("application/json").body(MEDDIC)
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(200).body("status", equalTo("QUALIFIED"));

        List<Row> qualified = qualifiedEvents(lead);
        assertThat(qualified).hasSize(1);
        String payload = qualified.get(0).getString("payload");
        assertThat(EventContracts.violations("LeadQualified", payload)).isEmpty();
        JsonNode json = mapper.readTree(payload);
        assertThat(json.at("/qualification/framework").asText()).isEqualTo("meddic");
        JsonNode answers = json.at("/qualification/answers");
        List<String> keys = new ArrayList<>();
        answers.fieldNames().forEachRemaining(keys::add);
        // The blank optional decisionProcess is left out. (The outbox keeps the payload as jsonb: key order is not kept.)
        assertThat(keys).containsExactlyInAnyOrder("metrics", "economicBuyer", "decisionCriteria", "identifyPain", "champion");
        assertThat(answers.get("champion").asText()).isEqualTo("Ada, VP Sales");
        assertThat(json.has("bant")).isFalse();
        assertThat(json.get("notes").asText()).isEqualTo("Security review in January");
        assertThat(json.at("/lead/company").asText()).isEqualTo("Acme Robotics");

        Row stored = RoutingFixtures.rows(db, "select qualification ->> 'framework' as framework, "
                + "qualification -> 'answers' ->> 'economicBuyer' as buyer, bant from assignment where lead_id = $1", lead).get(0);
        assertThat(stored.getString("framework")).isEqualTo("meddic");
        assertThat(stored.getString("buyer")).isEqualTo("CFO Grace Hopper");
        assertThat(stored.getValue("bant")).isNull();
    }

    @Test
    void badAnswersAre400NamingEachFieldAndNothingIsPublished() {
        UUID lead = acceptedLeadOf("sdr-3");

        as(TestTokens.sdr("sdr-3")).contentType("application/json")
                .body("""
                        {"framework": "meddic", "answers": {"metrics": "More pipeline", "economicBuyer": "%s",
                          "decisionCriteria": "Price", "identifyPain": "   ", "budget": "50k"}}
                        """.formatted("e".repeat(501)))
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("answers.economicBuyer", "answers.identifyPain",
                        "answers.champion", "answers.budget"))
                .body("errors.find { it.field == 'answers.champion' }.reason", equalTo("is required"))
                .body("errors.find { it.field == 'answers.economicBuyer' }.reason", equalTo("must be at most 500 characters"))
                .body("errors.find { it.field == 'answers.budget' }.reason", equalTo("is not a field of the meddic template"));
        as(TestTokens.sdr("sdr-3")).contentType("application/json")
                .body("{\"framework\": \"spiced\", \"answers\": {\"situation\": \"x\"}}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400)
                .body("errors.field", contains("framework"))
                .body("errors[0].reason", equalTo("must be one of bant, meddic, champ"));
        as(TestTokens.sdr("sdr-3")).contentType("application/json")
                .body("{\"framework\": \"champ\", \"answers\": {\"challenges\": {\"nested\": true}}}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("answers.challenges"));

        assertThat(qualifiedEvents(lead)).isEmpty();
        as(TestTokens.sdr("sdr-3")).when().get("/api/v1/sdr/leads/" + lead).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void theBodyFromBeforeTemplatesStillQualifiesAsBant() throws Exception {
        UUID lead = acceptedLeadOf("sdr-1");

        as(TestTokens.sdr("sdr-1")).contentType("application/json")
                .body("{\"bant\": {\"budget\": \"50k\", \"authority\": \"VP Sales\", \"need\": \"Routing\", \"timeline\": \"Q1\"}}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(200).body("status", equalTo("QUALIFIED"));

        String payload = qualifiedEvents(lead).get(0).getString("payload");
        assertThat(EventContracts.violations("LeadQualified", payload)).isEmpty();
        JsonNode json = mapper.readTree(payload);
        assertThat(json.at("/bant/timeline").asText()).isEqualTo("Q1");
        assertThat(json.at("/qualification/framework").asText()).isEqualTo("bant");
        assertThat(json.at("/qualification/answers/budget").asText()).isEqualTo("50k");
        Row stored = RoutingFixtures.rows(db, "select bant ->> 'authority' as authority, qualification ->> 'framework' "
                + "as framework from assignment where lead_id = $1", lead).get(0);
        assertThat(stored.getString("authority")).isEqualTo("VP Sales");
        assertThat(stored.getString("framework")).isEqualTo("bant");
    }

    @Test
    void bantTogetherWithAnotherFrameworkOrWithAnswersIsRefused() {
        UUID lead = acceptedLeadOf("sdr-2");
        String bant = "\"bant\": {\"budget\": \"50k\", \"authority\": \"VP\", \"need\": \"Routing\", \"timeline\": \"Q1\"}";

        as(TestTokens.sdr("sdr-2")).contentType("application/json").body("{\"framework\": \"champ\", " + bant + "}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400).body("errors.field", contains("bant"));
        as(TestTokens.sdr("sdr-2")).contentType("application/json").body("{\"answers\": {}, " + bant + "}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400).body("errors.field", contains("bant"));

        assertThat(qualifiedEvents(lead)).isEmpty();
    }
}
