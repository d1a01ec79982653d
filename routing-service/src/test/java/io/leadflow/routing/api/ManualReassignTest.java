package io.leadflow.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.leadflow.routing.domain.SdrInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** RevOps gives an open lead to another SDR: the new owner sees it live and must accept it; nobody else can. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ManualReassignTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    SdrInbox inbox;

    private String newSdr() {
        String sdr = "sdr-move-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Move Tester', $2)", sdr, sdr + "@leadflow.io");
        return sdr;
    }

    private static String reassign(UUID lead, String sdrId) {
        return "{\"sdrId\":\"" + sdrId + "\",\"note\":\"covering today\"}";
    }

    @Test
    void anOpenLeadGoesToTheNamedSdrWhoSeesItLiveAndMustAcceptIt() throws Exception {
        String from = newSdr();
        String to = newSdr();
        UUID lead = RoutingFixtures.leadOf(routing, db, from);
        given().auth().oauth2(TestTokens.sdr(from)).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200); // the live feed holds its partitions
        AssertSubscriber<SdrInbox.Notice> stream = inbox.follow(to).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<SdrInbox.Notice> former = inbox.follow(from).subscribe().withSubscriber(AssertSubscriber.create(10));

        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(reassign(lead, to))
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("acceptedAt", equalTo(null));

        List<String> moved = RoutingFixtures.rows(db, "select payload::text from outbox where aggregateid = $1 "
                + "and type = 'LeadReassigned'", lead.toString()).stream().map(row -> row.getString(0)).toList();
        assertThat(moved).hasSize(1);
        assertThat(EventContracts.violations("LeadReassigned", moved.get(0))).isEmpty();
        JsonNode event = mapper.readTree(moved.get(0));
        assertThat(List.of(event.get("fromSdrId").asText(), event.get("sdrId").asText(), event.get("reason").asText(),
                event.get("reassignedBy").asText(), event.get("note").asText()))
                .containsExactly(from, to, "manual", "revops-user", "covering today");

        await().atMost(DEADLINE).until(() -> stream.getItems().stream()
                .anyMatch(notice -> notice.card().leadId().equals(lead)));
        // The former owner's open page is told to take the card away.
        await().atMost(DEADLINE).until(() -> former.getItems().stream()
                .anyMatch(notice -> notice.card().leadId().equals(lead) && SdrInbox.Notice.MOVED.equals(notice.kind())));
        assertThat(stream.getItems()).extracting(SdrInbox.Notice::kind).containsOnly(SdrInbox.Notice.ASSIGNMENT);
        given().auth().oauth2(TestTokens.sdr(from)).when().get("/api/v1/sdr/leads/" + lead).then().statusCode(404);
        given().auth().oauth2(TestTokens.sdr(to)).when().get("/api/v1/sdr/leads/" + lead).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"));
        given().auth().oauth2(TestTokens.sdr(to)).when().post("/api/v1/sdr/leads/" + lead + "/accept").then().statusCode(200);
    }

    @Test
    void onlyRevOpsMovesOpenLeadsToActiveSdrs() {
        String from = newSdr();
        UUID lead = RoutingFixtures.leadOf(routing, db, from);
        given().auth().oauth2(TestTokens.sdr(from)).contentType("application/json").body(reassign(lead, "sdr-1"))
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{}")
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(400)
                .body("errors.field", hasItem("sdrId"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(reassign(lead, "nobody-" + UUID.randomUUID()))
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(400)
                .body("errors.field", hasItem("sdrId"));
        String inactive = newSdr();
        RoutingFixtures.rows(db, "update sdr set active = false where id = $1", inactive);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(reassign(lead, inactive))
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(reassign(lead, from))
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(reassign(UUID.randomUUID(), "sdr-1"))
                .when().post("/api/v1/routing/leads/" + UUID.randomUUID() + "/reassign").then().statusCode(404);

        given().auth().oauth2(TestTokens.sdr(from)).contentType("application/json").body("{\"reason\":\"spam\"}")
                .when().post("/api/v1/sdr/leads/" + lead + "/disqualify").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(reassign(lead, "sdr-1"))
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(409);
        assertThat(RoutingFixtures.rows(db, "select count(*) from outbox where aggregateid = $1 and type = 'LeadReassigned'",
                lead.toString()).get(0).getLong(0)).isZero();
    }
}
