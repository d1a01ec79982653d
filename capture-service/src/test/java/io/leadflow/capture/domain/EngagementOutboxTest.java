package io.leadflow.capture.domain;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engagement rows and their LeadEngaged outbox rows: one per lead per request, valid against the contract; anonymous
 * events wait unannounced until a submission with their visitor id links them in the submission's own transaction.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class EngagementOutboxTest {

    @Inject
    Pool db;

    @Inject
    ObjectMapper mapper;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String email() {
        return "ada@acme-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    }

    private static String capture(String json) {
        return given().contentType("application/json").body(json)
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");
    }

    private static void track(String token, String body, int accepted) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        request.when().post("/api/v1/engagement").then().statusCode(202)
                .body("accepted", org.hamcrest.Matchers.is(accepted));
    }

    private List<Row> engagedEvents(String leadId) {
        return rows("select payload::text as payload, xmin::text as tx from outbox where aggregateid = $1 and type = 'LeadEngaged'"
                + " order by occurred_at", leadId);
    }

    @Test
    void anIntegrationsBatchForAKnownLeadIsStoredAndAnnouncedOnceWithinTheContract() throws Exception {
        String email = email();
        String leadId = capture("{\"email\":\"" + email + "\"}");
        Instant opened = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        track(TestTokens.integration(), """
                {"events":[
                 {"type":"webinar_attended","email":"%s","occurredAt":"%s","title":"Robots at scale",
                  "detail":{"webinarId":"wb-42","minutesAttended":47}},
                 {"type":"email_open","email":"%s","occurredAt":"%s","utm":{"source":"newsletter","campaign":"march"}},
                 {"type":"email_click","email":"%s","url":"https://www.acme.com/pricing?utm_source=newsletter"}]}"""
                .formatted(email.toUpperCase(), opened.plusSeconds(60), email, opened, email), 3);

        List<Row> stored = rows("select type, email_key, visitor_id, linked_at = received_at as at_once, source"
                + " from engagement where lead_id = $1 order by occurred_at", UUID.fromString(leadId));
        assertThat(stored).extracting(r -> r.getString("type")).containsExactly("email_open", "webinar_attended", "email_click");
        assertThat(stored).allSatisfy(r -> {
            assertThat(r.getString("email_key")).isEqualTo(email);
            assertThat(r.getBoolean("at_once")).isTrue();
            assertThat(r.getString("source")).isEqualTo("integration:integration-user");
        });

        List<Row> events = engagedEvents(leadId);
        assertThat(events).hasSize(1);
        String payload = events.get(0).getString("payload");
        assertThat(EventContracts.violations("LeadEngaged", payload)).isEmpty();
        JsonNode json = mapper.readTree(payload);
        assertThat(json.at("/trigger").asText()).isEqualTo("tracked");
        assertThat(json.at("/engagementCount").asInt()).isEqualTo(3);
        assertThat(json.get("engagements")).extracting(e -> e.get("type").asText())
                .containsExactly("email_open", "webinar_attended", "email_click");
        assertThat(json.at("/engagements/0/occurredAt").asText()).isEqualTo(opened.toString());
        assertThat(json.at("/engagements/0/utm/campaign").asText()).isEqualTo("march");
        assertThat(json.at("/engagements/1/detail/minutesAttended").asInt()).isEqualTo(47);
    }

    @Test
    void aVisitorsEventsWaitUnannouncedUntilASubmissionLinksThemInItsOwnTransaction() throws Exception {
        String visitorId = UUID.randomUUID().toString();
        track(null, """
                {"formId":"demo","events":[
                 {"type":"page_view","visitorId":"%s","url":"https://www.acme.com/arms","occurredAt":"%s"},
                 {"type":"pricing_page_visit","visitorId":"%s","url":"https://www.acme.com/pricing"}]}"""
                .formatted(visitorId, Instant.now().minus(Duration.ofDays(2)), visitorId), 2);
        assertThat(rows("select lead_id from engagement where visitor_id = $1", visitorId))
                .hasSize(2).allSatisfy(r -> assertThat(r.getValue("lead_id")).isNull());
        assertThat(rows("select 1 from outbox where type = 'LeadEngaged' and payload::text like $1", "%" + visitorId + "%"))
                .as("anonymous engagement is never announced").isEmpty();

        String email = email();
        String leadId = capture("{\"email\":\"" + email + "\",\"visitorId\":\"" + visitorId + "\"}");

        UUID lead = UUID.fromString(leadId);
        assertThat(rows("select type from engagement where visitor_id = $1 and lead_id = $2 order by occurred_at", visitorId, lead))
                .extracting(r -> r.getString("type")).containsExactly("page_view", "pricing_page_visit");
        List<Row> outbox = rows("select type, xmin::text as tx from outbox where aggregateid = $1 order by occurred_at", leadId);
        assertThat(outbox).extracting(r -> r.getString("type")).containsExactly("LeadCaptured", "LeadEngaged");
        Row submission = rows("select id, xmin::text as tx from submission where lead_id = $1", lead).get(0);
        assertThat(outbox).as("linked and announced in the capture transaction")
                .allSatisfy(r -> assertThat(r.getString("tx")).isEqualTo(submission.getString("tx")));
        String linked = engagedEvents(leadId).get(0).getString("payload");
        assertThat(EventContracts.violations("LeadEngaged", linked)).isEmpty();
        JsonNode json = mapper.readTree(linked);
        assertThat(json.at("/trigger").asText()).isEqualTo("linked");
        assertThat(json.at("/submissionId").asText()).isEqualTo(submission.getUUID("id").toString());
        assertThat(json.get("engagements")).extracting(e -> e.get("type").asText()).containsExactly("page_view", "pricing_page_visit");
        assertThat(json.at("/engagements/0/visitorId").asText()).isEqualTo(visitorId);
        assertThat(json.at("/engagements/0/formId").asText()).isEqualTo("demo");

        // From now on the visitor's events belong to the lead at once.
        track(null, "{\"type\":\"page_view\",\"visitorId\":\"" + visitorId + "\",\"url\":\"https://www.acme.com/arms/2\"}", 1);
        List<Row> events = engagedEvents(leadId);
        assertThat(events).hasSize(2);
        assertThat(mapper.readTree(events.get(1).getString("payload")).at("/trigger").asText()).isEqualTo("tracked");

        // A second submission finds nothing left waiting: no new LeadEngaged.
        assertThat(capture("{\"email\":\"" + email + "\",\"visitorId\":\"" + visitorId + "\"}")).isEqualTo(leadId);
        assertThat(engagedEvents(leadId)).hasSize(2);
    }

    @Test
    void anIntegrationsEventsForAnAddressThatIsNotALeadYetWaitForItsFirstSubmission() throws Exception {
        String email = email();
        track(TestTokens.integration(), "{\"type\":\"email_open\",\"email\":\"" + email + "\"}", 1);
        assertThat(rows("select lead_id from engagement where email_key = $1", email)).singleElement()
                .satisfies(r -> assertThat(r.getValue("lead_id")).isNull());

        String leadId = capture("{\"email\":\"" + email + "\"}");

        List<Row> events = engagedEvents(leadId);
        assertThat(events).hasSize(1);
        assertThat(EventContracts.violations("LeadEngaged", events.get(0).getString("payload"))).isEmpty();
        assertThat(mapper.readTree(events.get(0).getString("payload")).at("/engagements/0/type").asText()).isEqualTo("email_open");
    }

    @Test
    void aHundredEventsAreOneStatementAndOneAnnouncement() throws Exception {
        String email = email();
        String leadId = capture("{\"email\":\"" + email + "\"}");
        String events = IntStream.range(0, 100)
                .mapToObj(i -> "{\"type\":\"page_view\",\"email\":\"" + email + "\",\"url\":\"https://www.acme.com/p/" + i + "\"}")
                .collect(Collectors.joining(",", "{\"events\":[", "]}"));

        track(TestTokens.integration(), events, 100);

        // Rows of one INSERT share its transaction (xmin) and its command id within it (cmin).
        Row written = rows("select count(*) as n, count(distinct xmin::text) as transactions, count(distinct cmin::text) as statements"
                + " from engagement where lead_id = $1", UUID.fromString(leadId)).get(0);
        assertThat(written.getLong("n")).isEqualTo(100);
        assertThat(written.getLong("transactions")).isEqualTo(1);
        assertThat(written.getLong("statements")).isEqualTo(1);
        List<Row> announced = engagedEvents(leadId);
        assertThat(announced).hasSize(1);
        String payload = announced.get(0).getString("payload");
        assertThat(EventContracts.violations("LeadEngaged", payload)).isEmpty();
        assertThat(mapper.readTree(payload).at("/engagementCount").asInt()).isEqualTo(100);
    }
}
