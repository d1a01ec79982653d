package io.leadflow.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.ReassignmentFixtures.Team;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.leadflow.routing.ReassignmentFixtures.holder;
import static io.leadflow.routing.ReassignmentFixtures.leadIn;
import static io.leadflow.routing.ReassignmentFixtures.reassignments;
import static io.leadflow.routing.ReassignmentFixtures.team;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** An SDR gives one of their open leads back: it goes to someone else in the pool, or stays when nobody can take it. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrDeclineTest {

    @Inject
    RoutingService routing;
    @Inject
    Pool db;

    private static ValidatableResponse decline(String sdrId, UUID leadId, String body) {
        return given().auth().oauth2(TestTokens.sdr(sdrId)).contentType("application/json").body(body)
                .when().post("/api/v1/sdr/leads/" + leadId + "/decline").then();
    }

    private long declines(UUID leadId) {
        return RoutingFixtures.rows(db, "select count(*) from lead_decline where lead_id = $1", leadId).get(0).getLong(0);
    }

    @Test
    void aDeclinedLeadGoesToTheNextMemberAndNeverBackToADecliner() {
        Team team = team(db, 3, false);
        UUID lead = leadIn(routing, team);
        String first = team.members().get(0);
        given().auth().oauth2(TestTokens.sdr(first)).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);

        decline(first, lead, "{\"reason\":\"conflict_of_interest\",\"note\":\"my former employer\"}").statusCode(200)
                .body("leadId", equalTo(lead.toString())).body("reason", equalTo("conflict_of_interest"))
                .body("reassignedTo", equalTo(team.members().get(1)));

        JsonNode moved = reassignments(db, lead).get(0);
        assertThat(List.of(moved.get("fromSdrId").asText(), moved.get("sdrId").asText(), moved.get("reason").asText(),
                moved.get("reassignedBy").asText(), moved.get("note").asText()))
                .containsExactly(first, team.members().get(1), "declined", "routing-service",
                        "conflict_of_interest: my former employer");
        given().auth().oauth2(TestTokens.sdr(first)).when().get("/api/v1/sdr/leads/" + lead).then().statusCode(404);
        given().auth().oauth2(TestTokens.sdr(team.members().get(1))).when().get("/api/v1/sdr/leads/" + lead).then()
                .statusCode(200).body("status", equalTo("ASSIGNED"));

        // The second member declines too: the first one declined it already, so the third gets it.
        decline(team.members().get(1), lead, "{\"reason\":\"no_capacity\"}").statusCode(200)
                .body("reassignedTo", equalTo(team.members().get(2)));
        // And the third has nobody left to give it to.
        decline(team.members().get(2), lead, "{\"reason\":\"wrong_territory\"}").statusCode(409)
                .body("detail", containsString("nobody else"));
        assertThat(holder(db, lead)).isEqualTo(team.members().get(2));
        assertThat(reassignments(db, lead)).hasSize(2);
        assertThat(declines(lead)).isEqualTo(2);
    }

    @Test
    void whenNobodyElseCanTakeItTheLeadStaysTheDeclinersAndNothingIsPublished() {
        Team team = team(db, 2, true);
        UUID lead = leadIn(routing, team);
        RoutingFixtures.rows(db, "update sdr set active = false where id = $1", team.members().get(1));

        decline(team.members().get(0), lead, "{\"reason\":\"not_my_segment\"}").statusCode(409)
                .body("detail", containsString("nobody else in pool " + team.poolId()));

        assertThat(holder(db, lead)).isEqualTo(team.members().get(0));
        assertThat(reassignments(db, lead)).isEmpty();
        assertThat(declines(lead)).isZero();
        // Nor did the pool's turn move.
        assertThat(RoutingFixtures.rows(db, "select last_position from pool where id = $1", team.poolId()).get(0).getInteger(0))
                .isZero();
    }

    @Test
    void onlyTheHoldersOpenLeadWithAKnownReasonCanBeDeclined() {
        Team team = team(db, 2, false);
        UUID lead = leadIn(routing, team);
        String owner = team.members().get(0);

        decline(team.members().get(1), lead, "{\"reason\":\"no_capacity\"}").statusCode(404);
        decline(owner, UUID.randomUUID(), "{\"reason\":\"no_capacity\"}").statusCode(404);
        decline(owner, lead, "{\"reason\":\"busy\"}").statusCode(400)
                .body("errors.field", hasItem("reason")).body("errors.reason[0]", containsString("wrong_territory"));
        decline(owner, lead, "{\"reason\":\"other\"}").statusCode(400).body("errors.field", hasItem("note"));
        decline(owner, lead, "{}").statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("{\"reason\":\"no_capacity\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/decline").then().statusCode(403);

        given().auth().oauth2(TestTokens.sdr(owner)).contentType("application/json").body("{\"reason\":\"spam\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/disqualify").then().statusCode(200);
        decline(owner, lead, "{\"reason\":\"no_capacity\"}").statusCode(409).body("detail", containsString("disqualified"));

        assertThat(holder(db, lead)).isEqualTo(owner);
        assertThat(reassignments(db, lead)).isEmpty();
        assertThat(declines(lead)).isZero();
    }
}
