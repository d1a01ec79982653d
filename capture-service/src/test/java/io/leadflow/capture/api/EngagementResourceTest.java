package io.leadflow.capture.api;

import io.leadflow.messaging.testing.Sql;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The engagement endpoint's rules: bodies, problems, limits, who may key by e-mail, origins. Nothing stored when refused. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class EngagementResourceTest {

    private static final String SITE = "https://www.acme-robotics.com";

    @Inject
    Pool db;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String visitor() {
        return UUID.randomUUID().toString();
    }

    private static String pageView(String visitorId) {
        return "{\"type\":\"page_view\",\"visitorId\":\"" + visitorId + "\",\"url\":\"https://www.acme-robotics.com/arms\"}";
    }

    @Test
    void aBrowserBeaconSentAsPlainTextIsStoredAnonymous() {
        String visitorId = visitor();
        given().contentType("text/plain;charset=UTF-8")
                .body("{\"formId\":\"no-such-form\",\"events\":[" + pageView(visitorId) + ",{\"type\":\"pricing_page_visit\","
                        + "\"visitorId\":\"" + visitorId + "\",\"url\":\"https://www.acme-robotics.com/pricing\",\"title\":\"Pricing\","
                        + "\"occurredAt\":\"" + Instant.now().minusSeconds(5) + "\",\"detail\":{\"plan\":\"pro\",\"seats\":40}}]}")
                .when().post("/api/v1/engagement")
                .then().statusCode(202).body("accepted", is(2));

        List<Row> stored = rows("select type, lead_id, linked_at, form_id, source, title, detail::text as detail from engagement"
                + " where visitor_id = $1 order by occurred_at", visitorId);
        assertThat(stored).extracting(r -> r.getString("type")).containsExactly("pricing_page_visit", "page_view");
        assertThat(stored).allSatisfy(r -> {
            assertThat(r.getValue("lead_id")).isNull();
            assertThat(r.getValue("linked_at")).isNull();
            assertThat(r.getString("form_id")).isEqualTo("no-such-form");
            assertThat(r.getString("source")).isEqualTo("browser");
        });
        assertThat(stored.get(0).getString("detail")).isEqualTo("{\"plan\": \"pro\", \"seats\": 40}");
    }

    @Test
    void oneEventOnItsOwnIsAccepted() {
        String visitorId = visitor();
        given().contentType("application/json").body(pageView(visitorId))
                .when().post("/api/v1/engagement").then().statusCode(202).body("accepted", is(1));
        assertThat(rows("select 1 from engagement where visitor_id = $1", visitorId)).hasSize(1);
    }

    @Test
    void everyProblemOfEveryEventIsNamedAndNothingIsStored() {
        String visitorId = visitor();
        given().contentType("application/json")
                .body("{\"events\":[" + pageView(visitorId) + ",{\"type\":\"pageview\",\"visitorId\":\"" + visitorId + "\"},"
                        + "{\"type\":\"email_open\",\"visitorId\":\"" + visitorId + "\",\"occurredAt\":\"2999-01-01T00:00:00Z\"},"
                        + "{\"type\":\"content_download\",\"visitorId\":\"" + visitorId + "\"},"
                        + "{\"type\":\"email_click\",\"email\":\"ada@acme.com\",\"url\":\"https://acme.com/x\"}]}")
                .when().post("/api/v1/engagement")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://leadflow.io/problems/invalid-request"))
                .body("errors.field", contains("events[1].type", "events[2].occurredAt", "events[3].url", "events[4].email"));
        assertThat(rows("select 1 from engagement where visitor_id = $1", visitorId)).isEmpty();
    }

    @Test
    void aWrongJsonTypeIsNamedByItsPlace() {
        given().contentType("application/json")
                .body("{\"events\":[" + pageView(visitor()) + ",{\"type\":\"page_view\",\"detail\":\"x\"}]}")
                .when().post("/api/v1/engagement")
                .then().statusCode(400).body("errors.field", contains("events[1].detail"));
        given().contentType("text/plain").body("page_view").when().post("/api/v1/engagement")
                .then().statusCode(400).body("errors.field", contains("body"));
        given().contentType("application/json").body("[]").when().post("/api/v1/engagement")
                .then().statusCode(400).body("errors.field", contains("body"));
        given().contentType("application/xml").body("<event/>").when().post("/api/v1/engagement")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aBatchOverAHundredEventsOrSixtyFourKilobytesIsRefused() {
        String visitorId = visitor();
        String events = IntStream.range(0, 101).mapToObj(i -> pageView(visitorId)).collect(Collectors.joining(",", "[", "]"));
        given().contentType("application/json").body("{\"events\":" + events + "}")
                .when().post("/api/v1/engagement")
                .then().statusCode(400).body("errors.field", contains("events"));

        String huge = "{\"type\":\"page_view\",\"visitorId\":\"" + visitorId + "\",\"url\":\"https://acme.com/\",\"title\":\""
                + "x".repeat(70_000) + "\"}";
        given().contentType("application/json").body(huge).when().post("/api/v1/engagement").then().statusCode(413);
        assertThat(rows("select 1 from engagement where visitor_id = $1", visitorId)).isEmpty();
    }

    @Test
    void onlyAnIntegrationMayKeyEventsByEmail() {
        String email = "{\"type\":\"email_open\",\"email\":\"ada@" + UUID.randomUUID() + ".example.com\"}";
        given().contentType("application/json").body(email).when().post("/api/v1/engagement")
                .then().statusCode(400).body("errors.field", contains("email"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(email).when().post("/api/v1/engagement")
                .then().statusCode(400).body("errors.field", contains("email"));
        given().auth().oauth2(TestTokens.integration()).contentType("application/json").body(email).when().post("/api/v1/engagement")
                .then().statusCode(202).body("accepted", is(1));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresNothingAgainAndTheKeyWithAnotherBodyIsRefused() {
        String email = "ada@" + UUID.randomUUID() + ".example.com";
        String open = "{\"type\":\"email_open\",\"email\":\"" + email + "\"}";
        String key = "open-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.integration()).header("Idempotency-Key", key).contentType("application/json")
                .body(open).when().post("/api/v1/engagement")
                .then().statusCode(202).body("accepted", is(1)).header("Idempotent-Replayed", nullValue());
        given().auth().oauth2(TestTokens.integration()).header("Idempotency-Key", key).contentType("application/json")
                .body(open).when().post("/api/v1/engagement")
                .then().statusCode(202).body("accepted", is(1)).header("Idempotent-Replayed", is("true"));

        String click = "{\"type\":\"email_click\",\"email\":\"" + email + "\",\"url\":\"https://www.acme-robotics.com/pricing\"}";
        given().auth().oauth2(TestTokens.integration()).header("Idempotency-Key", key).contentType("application/json")
                .body(click).when().post("/api/v1/engagement")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("idempotency-key-reused"));

        assertThat(rows("select type from engagement where email_key = $1", email)).extracting(row -> row.getString(0))
                .containsExactly("email_open");
        // The key is the sender's: a browser using the same key is another request.
        given().header("Idempotency-Key", key).contentType("text/plain").body(pageView(visitor()))
                .when().post("/api/v1/engagement").then().statusCode(202).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aFormsOriginsMaySendItsEventsAndReadTheAnswerAndNoOtherMay() {
        String formId = "site-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"name\":\"Site\",\"allowedOrigins\":[\"" + SITE + "\"]}")
                .when().put("/api/v1/admin/forms/" + formId).then().statusCode(201);
        String visitorId = visitor();
        String body = "{\"formId\":\"" + formId + "\",\"events\":[" + pageView(visitorId) + "]}";

        given().header("Origin", "https://evil.example").contentType("text/plain").body(body)
                .when().post("/api/v1/engagement")
                .then().statusCode(403).body("type", is("https://leadflow.io/problems/origin-not-allowed"))
                .header("Access-Control-Allow-Origin", nullValue());
        assertThat(rows("select 1 from engagement where visitor_id = $1", visitorId)).isEmpty();

        given().header("Origin", SITE).contentType("application/json").body(body)
                .when().post("/api/v1/engagement")
                .then().statusCode(202).header("Access-Control-Allow-Origin", is(SITE));
        given().header("Origin", SITE).header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/engagement")
                .then().statusCode(204).header("Access-Control-Allow-Origin", is(SITE))
                .header("Access-Control-Allow-Methods", is("POST"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/engagement").then().statusCode(403);
        assertThat(rows("select 1 from engagement where visitor_id = $1", visitorId)).hasSize(1);
    }
}
