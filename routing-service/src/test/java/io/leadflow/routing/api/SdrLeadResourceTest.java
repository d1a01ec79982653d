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

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrLeadResourceTest {

    private static final String BANT = """
            {"bant":{"budget":"50k EUR approved","authority":"VP Sales decides","need":"Leads wait a day","timeline":"Q1"},
             "notes":"Wants a demo next week"}
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

    private List<Row> events(UUID leadId, String type) {
        return RoutingFixtures.rows(db, "select payload::text as payload from outbox where aggregateid = $1 and type = $2",
                leadId.toString(), type);
    }

    @Test
    void withoutATokenNothingIsAnsweredAndOtherRolesAreForbidden() {
        given().when().get("/api/v1/sdr/leads").then().statusCode(401);
        given().when().post("/api/v1/sdr/leads/" + UUID.randomUUID() + "/accept").then().statusCode(401);
        given().when().get("/api/v1/sdr/stream").then().statusCode(401);
        as(TestTokens.revops()).when().get("/api/v1/sdr/leads").then().statusCode(403);
    }

    @Test
    void anSdrSeesTheirOwnLeadsWithContextAndNobodyElses() {
        UUID mine = RoutingFixtures.leadOf(routing, db, "sdr-1");
        UUID theirs = RoutingFixtures.leadOf(routing, db, "sdr-2");

        as(TestTokens.sdr("sdr-1")).when().get("/api/v1/sdr/leads?limit=200")
                .then().statusCode(200)
                .body("leadId", hasItem(mine.toString()))
                .body("leadId", not(hasItem(theirs.toString())));
        as(TestTokens.sdr("sdr-1")).when().get("/api/v1/sdr/leads/" + mine)
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("lead.name", equalTo("Ada Lovelace"))
                .body("lead.company", equalTo("Acme Robotics"))
                .body("lead.source", equalTo("google"))
                .body("lead.capturedAt", equalTo("2026-11-22T09:15:02.113Z"))
                .body("score.value", equalTo(72))
                .body("score.grade", equalTo("A4"))
                .body("score.reasons.rule", containsInAnyOrder("vp-or-above", "business-email", "demo-request"));

        as(TestTokens.sdr("sdr-1")).when().get("/api/v1/sdr/leads/" + theirs)
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.sdr("sdr-1")).when().post("/api/v1/sdr/leads/" + theirs + "/accept").then().statusCode(404);
        as(TestTokens.sdr("sdr-1")).contentType("application/json").body(BANT)
                .when().post("/api/v1/sdr/leads/" + theirs + "/qualify").then().statusCode(404);
        assertThat(events(theirs, "LeadAccepted")).isEmpty();
    }

    @Test
    void acceptingPublishesLeadAcceptedOnceEvenWhenClickedTwice() throws Exception {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-1");

        as(TestTokens.sdr("sdr-1")).when().post("/api/v1/sdr/leads/" + lead + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(TestTokens.sdr("sdr-1")).when().post("/api/v1/sdr/leads/" + lead + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        List<Row> accepted = events(lead, "LeadAccepted");
        assertThat(accepted).hasSize(1);
        String payload = accepted.get(0).getString("payload");
        assertThat(EventContracts.violations("LeadAccepted", payload)).isEmpty();
        assertThat(mapper.readTree(payload).get("sdrId").asText()).isEqualTo("sdr-1");
    }

    @Test
    void qualifyingAnAcceptedLeadPublishesLeadQualifiedWithTheSnapshotsCrmSyncNeeds() throws Exception {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-2");
        as(TestTokens.sdr("sdr-2")).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);

        as(TestTokens.sdr("sdr-2")).contentType("application/json").body(BANT)
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(200).body("status", equalTo("QUALIFIED"));

        List<Row> qualified = events(lead, "LeadQualified");
        assertThat(qualified).hasSize(1);
        String payload = qualified.get(0).getString("payload");
        assertThat(EventContracts.violations("LeadQualified", payload)).isEmpty();
        JsonNode json = mapper.readTree(payload);
        assertThat(json.at("/bant/need").asText()).isEqualTo("Leads wait a day");
        assertThat(json.at("/qualification/framework").asText()).isEqualTo("bant");
        assertThat(json.at("/qualification/answers/need").asText()).isEqualTo("Leads wait a day");
        assertThat(json.get("notes").asText()).isEqualTo("Wants a demo next week");
        assertThat(json.at("/lead/company").asText()).isEqualTo("Acme Robotics");
        assertThat(json.at("/enrichment/companyDomain").asText()).isEqualTo("acme-robotics.com");

        as(TestTokens.sdr("sdr-2")).contentType("application/json").body(BANT)
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(events(lead, "LeadQualified")).hasSize(1);
    }

    @Test
    void qualifyingBeforeAcceptingIsAConflict() {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-3");

        as(TestTokens.sdr("sdr-3")).contentType("application/json").body(BANT)
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(events(lead, "LeadQualified")).isEmpty();
    }

    @Test
    void missingBantAnswersAreNamedOneByOne() {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-3");
        as(TestTokens.sdr("sdr-3")).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);

        as(TestTokens.sdr("sdr-3")).contentType("application/json")
                .body("{\"bant\":{\"budget\":\"50k\",\"authority\":\"VP\",\"need\":\"  \"}}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("bant.need", "bant.timeline"));
        // Neither bant nor a framework: the default template (BANT), its answers named as answers.*.
        as(TestTokens.sdr("sdr-3")).contentType("application/json").body("{}")
                .when().post("/api/v1/sdr/leads/" + lead + "/qualify")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("answers.budget", "answers.authority", "answers.need", "answers.timeline"));

        assertThat(events(lead, "LeadQualified")).isEmpty();
    }
}
