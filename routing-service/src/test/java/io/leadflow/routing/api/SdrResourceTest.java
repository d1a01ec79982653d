package io.leadflow.routing.api;

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
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The roster API: SDRs with schedule and caps, out-of-office periods, pauses; roles and validation. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrResourceTest {

    static final String SDRS = "/api/v1/routing/sdrs";

    @Inject
    RoutingService routing;
    @Inject
    Pool db;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String newSdr(String body) {
        String id = "sdr-" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.revops()).body(body.replace("$ID", id)).when().post(SDRS).then().statusCode(201);
        return id;
    }

    static String plainSdr() {
        return newSdr("""
                {"id": "$ID", "name": "Grace Hopper", "email": "grace@leadflow.example"}""");
    }

    @Test
    void onlyRevopsAndAdminsManageTheRoster() {
        given().when().get(SDRS).then().statusCode(401);
        as(TestTokens.sdr("sdr-1")).when().get(SDRS).then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).body("{}").when().post(SDRS).then().statusCode(403);
        as(TestTokens.integration()).when().get(SDRS + "/sdr-1").then().statusCode(403);
        as(TestTokens.revops()).when().get(SDRS).then().statusCode(200).body("id", hasItem("sdr-1"));
        as(TestTokens.admin()).when().get(SDRS + "/sdr-1").then().statusCode(200).body("name", equalTo("Sam Rivera"));
    }

    @Test
    void anSdrIsCreatedReadChangedAndListed() {
        String id = "sdr-" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Ada Lovelace", "email": "ada@leadflow.example", "timeZone": "Europe/Paris",
                 "workingHours": {"friday": ["22:00-06:00"], "monday": ["13:30-18:00", "09:00-12:30"]},
                 "holidays": [{"date": "2026-12-25", "name": "Christmas"}, {"date": "2026-05-01"}],
                 "maxOpenLeads": 20, "maxLeadsPerDay": 8, "managerEmail": "lead@leadflow.example"}
                """.formatted(id))
                .when().post(SDRS)
                .then().statusCode(201)
                .header("Location", endsWith(SDRS + "/" + id))
                .body("id", equalTo(id))
                .body("active", equalTo(true))
                .body("paused", equalTo(false))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("workingHours.monday", contains("09:00-12:30", "13:30-18:00"))
                .body("workingHours.friday", contains("22:00-06:00"))
                .body("holidays.date", contains("2026-05-01", "2026-12-25"))
                .body("maxOpenLeads", equalTo(20))
                .body("managerEmail", equalTo("lead@leadflow.example"))
                .body("status.openLeads", equalTo(0));

        as(TestTokens.revops()).body("""
                {"id": "%s", "name": "Ada Lovelace", "email": "ada@leadflow.example"}""".formatted(id))
                .when().post(SDRS).then().statusCode(409).contentType("application/problem+json");

        // A replacement: what is left out goes back to its default.
        as(TestTokens.revops()).body("""
                {"name": "Ada King", "email": "ada.king@leadflow.example", "timeZone": "America/New_York", "active": false}""")
                .when().put(SDRS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Ada King"))
                .body("timeZone", equalTo("America/New_York"))
                .body("workingHours", nullValue())
                .body("holidays", hasSize(0))
                .body("maxOpenLeads", nullValue())
                .body("status.available", equalTo(false))
                .body("status.reason", equalTo("inactive"));
        as(TestTokens.revops()).when().get(SDRS + "/" + id).then().statusCode(200).body("email", equalTo("ada.king@leadflow.example"));
        as(TestTokens.revops()).when().get(SDRS).then().statusCode(200).body("id", hasItem(id));
        as(TestTokens.revops()).body("""
                {"name": "Nobody", "email": "nobody@leadflow.example"}""")
                .when().put(SDRS + "/sdr-does-not-exist").then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.revops()).when().get(SDRS + "/sdr-does-not-exist").then().statusCode(404);
    }

    @Test
    void everyBadFieldIsNamed() {
        as(TestTokens.revops()).body("""
                {"id": "bad id", "name": "", "email": "nope", "timeZone": "Europe/Atlantis",
                 "workingHours": {"monday": ["09:00-12:00", "11:00-13:00"], "someday": ["09:00-17:00"]},
                 "holidays": [{"date": "2026-13-01"}], "maxOpenLeads": 0}
                """)
                .when().post(SDRS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("id", "name", "email", "timeZone", "workingHours.someday",
                        "holidays[0].date", "maxOpenLeads"));
        as(TestTokens.revops()).body("""
                {"id": "x1", "name": "X", "email": "x@leadflow.example", "workingHours": {"monday": ["9 to 5"]}}""")
                .when().post(SDRS)
                .then().statusCode(400).body("errors.field", contains("workingHours.monday[0]"))
                .body("errors.reason", contains(containsString("HH:mm-HH:mm")));
        as(TestTokens.revops()).body("""
                {"id": "x2", "name": "X", "email": "x@leadflow.example", "workingHours": {"monday": ["09:00-12:00", "11:00-13:00"]}}""")
                .when().post(SDRS)
                .then().statusCode(400).body("errors.field", contains("workingHours.monday[1]"));
        as(TestTokens.revops()).body("""
                {"id": "x3", "name": "X", "email": "x@leadflow.example", "maxLeadsPerDay": "many"}""")
                .when().post(SDRS).then().statusCode(400).body("errors.field", contains("maxLeadsPerDay"));
        as(TestTokens.revops()).when().post(SDRS).then().statusCode(400).body("errors.field", contains("body"));
    }

    @Test
    void outOfOfficePeriodsAreAddedListedAndRemoved() {
        String id = plainSdr();
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(3, ChronoUnit.HOURS);
        String period = as(TestTokens.revops()).body("""
                {"from": "%s", "until": "%s", "note": "Dentist"}""".formatted(from, until))
                .when().post(SDRS + "/" + id + "/out-of-office")
                .then().statusCode(201)
                .body("from", equalTo(from.toString()))
                .body("note", equalTo("Dentist"))
                .extract().path("id");

        as(TestTokens.revops()).when().get(SDRS + "/" + id)
                .then().statusCode(200)
                .body("outOfOffice.id", contains(period))
                .body("status.available", equalTo(false))
                .body("status.reason", equalTo("out_of_office"))
                .body("status.availableAgainAt", equalTo(until.toString()));
        as(TestTokens.revops()).when().get(SDRS + "/" + id + "/out-of-office").then().statusCode(200).body("id", contains(period));

        as(TestTokens.revops()).body("""
                {"from": "%s", "until": "%s"}""".formatted(until, from))
                .when().post(SDRS + "/" + id + "/out-of-office")
                .then().statusCode(400).body("errors.field", contains("until"));
        as(TestTokens.revops()).body("""
                {"from": "%s", "until": "%s"}""".formatted(from, until))
                .when().post(SDRS + "/sdr-does-not-exist/out-of-office").then().statusCode(404);
        as(TestTokens.revops()).when().delete(SDRS + "/sdr-1/out-of-office/" + period).then().statusCode(404);

        as(TestTokens.revops()).when().delete(SDRS + "/" + id + "/out-of-office/" + period).then().statusCode(204);
        as(TestTokens.revops()).when().delete(SDRS + "/" + id + "/out-of-office/" + period).then().statusCode(404);
        as(TestTokens.revops()).when().get(SDRS + "/" + id)
                .then().body("outOfOffice", hasSize(0)).body("status.available", equalTo(true));
    }

    @Test
    void anSdrPausesAndResumesThemselfButNobodyElse() {
        String id = plainSdr();
        String other = plainSdr();
        as(TestTokens.sdr(id)).when().post(SDRS + "/" + id + "/pause")
                .then().statusCode(200)
                .body("paused", equalTo(true))
                .body("pausedBy", equalTo(id))
                .body("status.reason", equalTo("paused"))
                .body("status.availableAgainAt", nullValue());
        as(TestTokens.sdr(id)).when().post(SDRS + "/" + other + "/pause")
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.sdr(id)).when().post(SDRS + "/" + other + "/resume").then().statusCode(403);
        as(TestTokens.sdr(id)).when().get(SDRS + "/" + id).then().statusCode(403);
        as(TestTokens.revops()).when().get(SDRS + "/" + other).then().body("paused", equalTo(false));

        as(TestTokens.revops()).when().post(SDRS + "/" + other + "/pause").then().statusCode(200).body("paused", equalTo(true));
        as(TestTokens.sdr(id)).when().post(SDRS + "/" + id + "/resume")
                .then().statusCode(200).body("paused", equalTo(false)).body("status.available", equalTo(true));
        as(TestTokens.admin()).when().post(SDRS + "/" + other + "/resume").then().statusCode(200).body("paused", equalTo(false));
        as(TestTokens.revops()).when().post(SDRS + "/sdr-does-not-exist/pause").then().statusCode(404);
    }

    @Test
    void theStatusCountsOpenLeadsAgainstTheCaps() {
        String id = newSdr("""
                {"id": "$ID", "name": "Capped", "email": "capped@leadflow.example", "maxOpenLeads": 1}""");
        RoutingFixtures.leadOf(routing, db, id);
        as(TestTokens.revops()).when().get(SDRS + "/" + id)
                .then().statusCode(200)
                .body("status.available", equalTo(false))
                .body("status.reason", equalTo("at_open_cap"))
                .body("status.openLeads", equalTo(1))
                .body("status.leadsToday", equalTo(1))
                .body("status.lastAssignedAt", not(nullValue()))
                .body("status.availableAgainAt", nullValue());
    }
}
