package io.leadflow.capture.api;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Right to erasure: the admin endpoint removes the person from capture and announces LeadErased, once. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class ErasureResourceTest {

    private static final String ERASURES = "/api/v1/admin/erasures";

    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String email() {
        return "ada." + UUID.randomUUID().toString().substring(0, 8) + "@acme-robotics.com";
    }

    private static String capture(String json, String idempotencyKey) {
        var request = given().contentType("application/json").body(json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");
    }

    private static String richLead(String email) {
        return """
                {"email":"%s","firstName":"Ada","lastName":"Lovelace","company":"Acme Robotics","jobTitle":"VP Sales",
                 "phone":"+44 20 7946 0958","country":"GB","message":"Call me on my mobile","formId":"demo-request",
                 "state":"Greater London","website":"acme-robotics.com","industry":"Industrial robotics",
                 "employees":"51-200","revenue":"$20M",
                 "consent":{"marketing":true,"text":"I agree","version":"2026-01"},
                 "utm":{"source":"google","medium":"cpc","campaign":"q4-demo"},"visitorId":"%s",
                 "pageUrl":"https://acme.example/demo?email=ada%%40acme.com","referrer":"https://search.example/?q=ada+lovelace"}
                """.formatted(email, visitorOf(email));
    }

    /** Each test person browses with a browser of their own. */
    private static String visitorOf(String email) {
        return UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static ValidatableResponse erase(String token, String json) {
        var request = given().contentType("application/json").body(json);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post(ERASURES).then();
    }

    @Test
    void erasingByIdRemovesThePersonFromTheLeadItsSubmissionsKeysAndOutboxAndAnnouncesItOnce() throws Exception {
        String email = email();
        String leadId = capture(richLead(email), "key-" + email);
        assertThat(capture("{\"email\":\"%s\",\"jobTitle\":\"CTO\",\"formId\":\"pricing\"}".formatted(email), null)).isEqualTo(leadId);
        UUID lead = UUID.fromString(leadId);
        // What the person did on the site, linked to the lead through the snippet's visitor id.
        given().contentType("application/json").body("{\"events\":[{\"type\":\"page_view\",\"visitorId\":\"%s\",\"url\":\"https://acme.example/pricing?email=x\"}]}"
                        .formatted(visitorOf(email)))
                .when().post("/api/v1/engagement").then().statusCode(202);
        assertThat(rows("select 1 from engagement where lead_id = $1", lead)).hasSize(1);
        assertThat(rows("select website from submission where lead_id = $1 and website is not null", lead))
                .as("stored, so that erasing them means something").hasSize(1);

        String requestId = erase(TestTokens.admin(), """
                {"leadId":"%s","reason":"data subject request","requestReference":"PRIV-42"}""".formatted(leadId))
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith(ERASURES + "/" + leadId))
                .body("leadId", equalTo(leadId))
                .body("leadIds", contains(leadId))
                .body("requestReference", equalTo("PRIV-42"))
                .body("reason", equalTo("data subject request"))
                .body("erasedBy", notNullValue())
                .body("erasedAt", notNullValue())
                .extract().path("requestId");

        Row row = rows("select * from lead where id = $1", lead).get(0);
        for (String personal : List.of("email", "email_key", "first_name", "last_name", "company", "job_title", "phone",
                "phone_raw", "message", "state", "website", "industry", "employees", "revenue")) {
            assertThat(row.getValue(personal)).as(personal).isNull();
        }
        assertThat(row.getString("page_url")).isEqualTo("https://acme.example/demo");
        assertThat(row.getString("referrer")).isEqualTo("https://search.example/");
        assertThat(row.getString("country")).as("not about anyone: kept").isEqualTo("GB");
        assertThat(row.getString("utm_campaign")).isEqualTo("q4-demo");
        assertThat(row.getString("consent_version")).isEqualTo("2026-01");
        assertThat(row.getInteger("submission_count")).isEqualTo(2);

        List<Row> history = rows("select email, first_name, job_title, phone_raw, message, visitor_id, page_url, form_id,"
                + " state, website, industry, employees, revenue from submission where lead_id = $1", lead);
        assertThat(history).hasSize(2).allSatisfy(s -> {
            assertThat(s.getString("email")).isNull();
            assertThat(s.getString("first_name")).isNull();
            assertThat(s.getString("job_title")).isNull();
            assertThat(s.getString("phone_raw")).isNull();
            assertThat(s.getString("message")).isNull();
            assertThat(s.getString("visitor_id")).isNull();
            for (String detail : List.of("state", "website", "industry", "employees", "revenue")) {
                assertThat(s.getString(detail)).as(detail).isNull();
            }
            assertThat(s.getString("form_id")).isNotNull();
        });
        assertThat(rows("select 1 from idempotency_key where lead_id = $1", lead)).isEmpty();
        assertThat(rows("select 1 from engagement where lead_id = $1 or visitor_id = $2", lead, visitorOf(email))).isEmpty();
        assertThat(rows("select 1 from submission s, lead l where l.id = s.lead_id and (s.email = $1 or l.email = $1)", email)).isEmpty();

        // Only LeadErased is left in the outbox: LeadCaptured, LeadResubmitted, LeadEngaged were relayed from the WAL.
        List<Row> outbox = rows("select type, payload::text as payload from outbox where aggregateid = $1", leadId);
        assertThat(outbox).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("LeadErased");
            assertThat(EventContracts.violations("LeadErased", event.getString("payload"))).isEmpty();
            assertThat(event.getString("payload")).doesNotContain("ada").doesNotContain("Lovelace");
        });
        JsonNode payload = mapper.readTree(outbox.get(0).getString("payload"));
        assertThat(payload.get("requestId").asText()).isEqualTo(requestId);
        assertThat(payload.get("requestReference").asText()).isEqualTo("PRIV-42");

        // Again: the same answer, nothing new.
        erase(TestTokens.admin(), "{\"leadId\":\"%s\"}".formatted(leadId))
                .statusCode(200)
                .body("requestId", equalTo(requestId))
                .body("requestReference", equalTo("PRIV-42"));
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).hasSize(1);
        given().auth().oauth2(TestTokens.admin()).when().get(ERASURES + "/" + leadId).then()
                .statusCode(200).body("requestId", equalTo(requestId));

        // The same person coming back is a new lead: nothing of the address was kept to match it.
        String again = capture(richLead(email), null);
        assertThat(again).isNotEqualTo(leadId);
        assertThat(rows("select type from outbox where aggregateid = $1", again)).singleElement()
                .satisfies(event -> assertThat(event.getString("type")).isEqualTo("LeadCaptured"));
    }

    @Test
    void erasingByEmailFindsThePersonsLeadAndTheSpamThatUsedTheAddress() {
        String email = email();
        String leadId = capture(richLead(email), null);
        String spamId = capture("{\"email\":\"%s\",\"firstName\":\"Ada\",\"hp\":\"bot\"}".formatted(email.toUpperCase()), null);
        assertThat(spamId).isNotEqualTo(leadId);

        erase(TestTokens.admin(), "{\"email\":\" %s \",\"requestReference\":\"PRIV-43\"}".formatted(email.toUpperCase()))
                .statusCode(202)
                .body("leadId", equalTo(leadId))
                .body("leadIds", containsInAnyOrder(leadId, spamId));

        assertThat(rows("select 1 from lead where lower(email) = lower($1)", email)).isEmpty();
        assertThat(rows("select 1 from submission where lower(email) = lower($1)", email)).isEmpty();
        assertThat(rows("select first_name from lead where id = $1", UUID.fromString(spamId)).get(0).getString("first_name")).isNull();
        assertThat(rows("select type from outbox where aggregateid = $1", leadId)).singleElement()
                .satisfies(event -> assertThat(event.getString("type")).isEqualTo("LeadErased"));
        assertThat(rows("select 1 from outbox where aggregateid = $1", spamId)).as("spam was never announced").isEmpty();

        // Nothing of the address is left to find it by: a repeat by e-mail finds no lead.
        erase(TestTokens.admin(), "{\"email\":\"%s\"}".formatted(email)).statusCode(404)
                .body("type", equalTo("https://leadflow.io/problems/not-found"));
    }

    @Test
    void onlyAnAdminMayErase() {
        String leadId = capture(richLead(email()), null);
        String body = "{\"leadId\":\"%s\"}".formatted(leadId);
        erase(null, body).statusCode(401);
        erase(TestTokens.revops(), body).statusCode(403);
        erase(TestTokens.sdr("sdr-1"), body).statusCode(403);
        erase(TestTokens.integration(), body).statusCode(403);
        assertThat(rows("select email from lead where id = $1", UUID.fromString(leadId)).get(0).getString("email")).isNotNull();
        given().auth().oauth2(TestTokens.revops()).when().get(ERASURES + "/" + leadId).then().statusCode(403);
    }

    @Test
    void anUnknownLeadIsNotFoundAndABadRequestSaysWhy() {
        erase(TestTokens.admin(), "{\"leadId\":\"%s\"}".formatted(UUID.randomUUID())).statusCode(404)
                .body("type", equalTo("https://leadflow.io/problems/not-found"));
        erase(TestTokens.admin(), "{}").statusCode(400).body("errors[0].field", equalTo("leadId"));
        erase(TestTokens.admin(), "{\"leadId\":\"%s\",\"email\":\"a@acme.com\"}".formatted(UUID.randomUUID())).statusCode(400);
        erase(TestTokens.admin(), "{\"email\":\"not an address\"}").statusCode(400).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(TestTokens.admin()).when().get(ERASURES + "/" + UUID.randomUUID()).then().statusCode(404);
    }
}
