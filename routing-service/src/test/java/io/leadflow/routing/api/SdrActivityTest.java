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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** What an SDR does with a lead besides accepting and qualifying it: touches, disqualification, nurture. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrActivityTest {

    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private static RequestSpecification sdr1() {
        return given().auth().oauth2(TestTokens.sdr("sdr-1")).contentType("application/json");
    }

    private List<JsonNode> events(UUID leadId, String type) {
        return RoutingFixtures.rows(db, "select payload::text as payload from outbox where aggregateid = $1 and type = $2 "
                        + "order by occurred_at", leadId.toString(), type).stream()
                .map(row -> {
                    String payload = row.getString("payload");
                    assertThat(EventContracts.violations(type, payload)).isEmpty();
                    try {
                        return mapper.readTree(payload);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    @Test
    void touchesAreLoggedAndPublishedWithTheirTimes() {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-1");

        sdr1().body("{\"channel\":\"call\",\"outcome\":\"no_answer\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/touches").then().statusCode(200)
                .body("activity.touches", equalTo(1)).body("status", equalTo("ASSIGNED"));
        // Logged late: an e-mail reply that came in the moment the lead was assigned, before the unanswered call.
        String assignedAt = given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/sdr/leads/" + lead)
                .then().statusCode(200).extract().path("assignedAt");
        sdr1().body("{\"channel\":\"email\",\"outcome\":\"replied\",\"note\":\"Wants pricing\",\"touchedAt\":\"" + assignedAt + "\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/touches").then().statusCode(200)
                .body("activity.touches", equalTo(2))
                .body("activity.firstTouchedAt", equalTo(assignedAt));

        List<JsonNode> touched = events(lead, "LeadTouched");
        assertThat(touched).hasSize(2);
        assertThat(touched).extracting(t -> t.get("outcome").asText()).containsExactlyInAnyOrder("no_answer", "replied");
        assertThat(touched).extracting(t -> t.get("touchId").asText()).doesNotHaveDuplicates();
        assertThat(touched).allSatisfy(t -> assertThat(t.get("sdrId").asText()).isEqualTo("sdr-1"));
        assertThat(RoutingFixtures.rows(db, "select count(*) from lead_touch where lead_id = $1", lead).get(0).getLong(0))
                .isEqualTo(2);
    }

    @Test
    void aBadTouchIsRefusedFieldByFieldAndWritesNothing() {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-1");
        sdr1().body("{\"channel\":\"pigeon\",\"touchedAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"note\":\""
                        + "x".repeat(2001) + "\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/touches").then().statusCode(400)
                .body("errors.field", hasItems("channel", "outcome", "note", "touchedAt"));
        sdr1().body("{\"channel\":\"call\",\"outcome\":\"connected\",\"touchedAt\":\"2020-01-01T00:00:00Z\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/touches").then().statusCode(400)
                .body("errors.field", hasItem("touchedAt"));
        sdr1().when().post("/api/v1/sdr/leads/" + lead + "/touches").then().statusCode(400);
        assertThat(events(lead, "LeadTouched")).isEmpty();
        // Another SDR's lead does not exist for sdr-1.
        UUID theirs = RoutingFixtures.leadOf(routing, db, "sdr-2");
        sdr1().body("{\"channel\":\"call\",\"outcome\":\"connected\"}")
                .when().post("/api/v1/sdr/leads/" + theirs + "/touches").then().statusCode(404);
    }

    @Test
    void aDisqualifiedLeadIsClosedOnceWithItsReason() {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-1");
        sdr1().body("{\"reason\":\"maybe\"}").when().post("/api/v1/sdr/leads/" + lead + "/disqualify")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        sdr1().body("{\"reason\":\"no_budget\",\"note\":\"Frozen until next year\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/disqualify").then().statusCode(200)
                .body("status", equalTo("DISQUALIFIED")).body("activity.closedReason", equalTo("no_budget"));

        JsonNode disqualified = events(lead, "LeadDisqualified").get(0);
        assertThat(disqualified.get("reason").asText()).isEqualTo("no_budget");
        assertThat(disqualified.get("note").asText()).isEqualTo("Frozen until next year");

        // Closed is closed: no second disqualification, no nurture, no qualification, no more touches.
        sdr1().body("{\"reason\":\"spam\"}").when().post("/api/v1/sdr/leads/" + lead + "/disqualify").then().statusCode(409);
        sdr1().body("{\"reason\":\"not_ready\"}").when().post("/api/v1/sdr/leads/" + lead + "/nurture").then().statusCode(409);
        sdr1().body("{\"channel\":\"call\",\"outcome\":\"connected\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/touches").then().statusCode(409);
        assertThat(events(lead, "LeadDisqualified")).hasSize(1);
    }

    @Test
    void anAcceptedLeadCanGoBackToNurture() {
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-1");
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);
        sdr1().body("{\"reason\":\"bad_timing\"}").when().post("/api/v1/sdr/leads/" + lead + "/nurture").then().statusCode(200)
                .body("status", equalTo("NURTURED")).body("activity.closedNote", nullValue());
        JsonNode nurtured = events(lead, "LeadNurtured").get(0);
        assertThat(nurtured.get("reason").asText()).isEqualTo("bad_timing");
        assertThat(nurtured.get("nurturedAt").asText()).isNotBlank();
    }
}
