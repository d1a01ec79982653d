package io.leadflow.capture.api;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class LeadResourceTest {

    @Inject
    Pool db;

    @Inject
    ObjectMapper mapper;

    private static final String ADA = """
            {"email":"ada@%s","firstName":"Ada","lastName":"Lovelace","company":"Acme Robotics",
             "jobTitle":"VP Sales","phone":"+44 20 7946 0958","country":"gb",
             "consent":{"marketing":true,"text":"I agree","version":"2026-01"},
             "utm":{"source":"google","medium":"cpc","campaign":"q4-demo"},
             "pageUrl":"https://acme.example/demo","formId":"demo-request"}
            """;

    private static String uniqueDomain() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    @Test
    void aValidLeadIsStoredWithExactlyOneLeadCapturedEventInTheOutbox() throws Exception {
        String domain = uniqueDomain();
        String leadId = given().contentType("application/json").body(ADA.formatted(domain))
                .when().post("/api/v1/leads")
                .then().statusCode(202).body("leadId", notNullValue()).body("status", org.hamcrest.Matchers.is("captured"))
                .extract().path("leadId");

        List<Row> leads = rows("select email, country, phone, phone_raw, utm_source from lead where id = $1", UUID.fromString(leadId));
        assertThat(leads).hasSize(1);
        assertThat(leads.get(0).getString("email")).isEqualTo("ada@" + domain);
        assertThat(leads.get(0).getString("country")).isEqualTo("GB");
        assertThat(leads.get(0).getString("phone")).isEqualTo("+442079460958");
        assertThat(leads.get(0).getString("phone_raw")).isEqualTo("+44 20 7946 0958");

        List<Row> events = rows("select id, aggregatetype, type, payload::text as payload, jsonb_typeof(payload) as kind, occurred_at"
                + " from outbox where aggregateid = $1", leadId);
        assertThat(events).hasSize(1);
        Row event = events.get(0);
        assertThat(event.getString("aggregatetype")).isEqualTo("capture");
        assertThat(event.getString("type")).isEqualTo("LeadCaptured");
        // Stored as a JSON object, not as a JSON string holding the object (double encoding).
        assertThat(event.getString("kind")).isEqualTo("object");
        String payload = event.getString("payload");
        assertThat(EventContracts.violations("LeadCaptured", payload)).isEmpty();
        JsonNode json = mapper.readTree(payload);
        assertThat(json.get("eventId").asText()).isEqualTo(event.getUUID("id").toString());
        assertThat(json.get("leadId").asText()).isEqualTo(leadId);
        assertThat(json.at("/utm/source").asText()).isEqualTo("google");
        assertThat(json.get("channel").asText()).isEqualTo("api");
        // The row and the payload name the same instant.
        assertThat(event.getOffsetDateTime("occurred_at").toInstant()).isEqualTo(java.time.Instant.parse(json.get("occurredAt").asText()));
    }

    @Test
    void theStateAndCompanyDetailsAreStoredAsTypedAnnouncedOnLeadCapturedAndReadBack() throws Exception {
        String domain = uniqueDomain();
        String leadId = given().contentType("application/json").body("""
                        {"email":"ada@%s","company":"Acme Robotique","country":"CA","state":" Que\u0301bec ",
                         "website":" https://www.%s/fr ","industry":"Logiciel","employees":"50 salariés","revenue":"5M€"}"""
                        .formatted(domain, domain))
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        String[] typed = {"Québec", "https://www." + domain + "/fr", "Logiciel", "50 salariés", "5M€"};
        assertThat(detailsOf(rows("select state, website, industry, employees, revenue from lead where id = $1",
                UUID.fromString(leadId)))).containsExactly(typed);
        assertThat(detailsOf(rows("select state, website, industry, employees, revenue from submission where lead_id = $1",
                UUID.fromString(leadId)))).containsExactly(typed);

        String payload = rows("select payload::text as payload from outbox where aggregateid = $1", leadId).get(0).getString("payload");
        assertThat(EventContracts.violations("LeadCaptured", payload)).isEmpty();
        JsonNode event = mapper.readTree(payload);
        assertThat(List.of("state", "website", "industry", "employees", "revenue")).extracting(f -> event.get(f).asText())
                .containsExactly(typed);

        given().auth().oauth2(io.leadflow.localstack.TestTokens.revops()).when().get("/api/v1/leads/" + leadId)
                .then().statusCode(200)
                .body("state", org.hamcrest.Matchers.is("Québec"))
                .body("website", org.hamcrest.Matchers.is("https://www." + domain + "/fr"))
                .body("industry", org.hamcrest.Matchers.is("Logiciel"))
                .body("employees", org.hamcrest.Matchers.is("50 salariés"))
                .body("revenue", org.hamcrest.Matchers.is("5M€"))
                .body("submissions[0].website", org.hamcrest.Matchers.is("https://www." + domain + "/fr"))
                .body("submissions[0].filledFields", hasItems("company", "country", "state", "website", "industry",
                        "employees", "revenue"));
    }

    /** The state, website, industry, employees and revenue of the only row. */
    private static List<String> detailsOf(List<Row> rows) {
        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        return java.util.Arrays.asList(row.getString("state"), row.getString("website"), row.getString("industry"),
                row.getString("employees"), row.getString("revenue"));
    }

    @Test
    void aTooLongDetailOrAWebsiteWithASpaceGetsAProblemNamingTheFieldAndLeavesNoRow() {
        String domain = uniqueDomain();
        given().contentType("application/json").body("""
                        {"email":"ada@%s","state":"%s","website":"acme.com acme.fr","industry":"SaaS","employees":"%s"}"""
                        .formatted(domain, "x".repeat(101), "1".repeat(51)))
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("state", "website", "employees"))
                .body("errors.find { it.field == 'website' }.reason", containsString("without spaces"))
                .body("errors.find { it.field == 'state' }.reason", org.hamcrest.Matchers.is("must be at most 100 characters"));
        // The snippet's JSON to a form, and a plain form post, are checked by the same rules.
        given().contentType("application/json").body("{\"email\":\"ada@" + domain + "\",\"revenue\":\"" + "$".repeat(51) + "\"}")
                .when().post("/api/v1/forms/demo-request/submissions")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("revenue"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", "ada@" + domain).formParam("website", "www.acme.com\u00A0")
                .when().post("/api/v1/forms/demo-request/submissions")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("website"));

        assertThat(rows("select 1 from lead where email like $1", "%@" + domain)).isEmpty();
    }

    @Test
    void anInvalidLeadGetsAProblemNamingEachFieldAndLeavesNoRow() {
        String domain = uniqueDomain();
        given().contentType("application/json")
                .body("{\"email\":\"not-an-email@" + domain + "\",\"country\":\"Narnia\",\"pageUrl\":\"ftp://x\"}")
                .when().post("/api/v1/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.is(400))
                .body("errors.field", hasItems("country", "pageUrl"));

        given().contentType("application/json").body("{\"firstName\":\"Ada\"}")
                .when().post("/api/v1/leads")
                .then().statusCode(400).body("errors.field", hasItems("email"))
                .body("errors.reason", hasItems("is required"));

        assertThat(rows("select 1 from lead where email like $1", "%@" + domain)).isEmpty();
    }

    @Test
    void malformedJsonAndWrongTypesAreClientErrorsNotServerErrors() {
        given().contentType("application/json").body("{\"email\": ")
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("body"));

        given().contentType("application/json").body("{\"email\":\"ada@acme.com\",\"consent\":{\"marketing\":\"perhaps\"}}")
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("consent.marketing"));
    }

    @Test
    void theSameIdempotencyKeyAnswersWithTheFirstLeadAndStoresNothingNew() {
        String domain = uniqueDomain();
        String key = UUID.randomUUID().toString();
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(ADA.formatted(domain))
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");
        String second = given().contentType("application/json").header("Idempotency-Key", key).body(ADA.formatted(domain))
                .when().post("/api/v1/leads").then().statusCode(202)
                .header("Idempotent-Replayed", "true").extract().path("leadId");

        assertThat(second).isEqualTo(first);
        assertThat(rows("select 1 from lead where email = $1", "ada@" + domain)).hasSize(1);
        assertThat(rows("select 1 from outbox where aggregateid = $1", first)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        String domain = uniqueDomain();
        String key = UUID.randomUUID().toString();
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(ADA.formatted(domain))
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        String otherDomain = uniqueDomain();
        given().contentType("application/json").header("Idempotency-Key", key).body(ADA.formatted(otherDomain))
                .when().post("/api/v1/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));

        assertThat(rows("select 1 from lead where email = $1", "ada@" + otherDomain)).isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", first)).hasSize(1);
    }

    @Test
    void anHtmlFormPostRedirectsToTheThankYouPage() {
        String domain = uniqueDomain();
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", "grace@" + domain).formParam("firstName", "Grace")
                .formParam("utm_source", "linkedin").formParam("consent", "on").formParam("consentText", "I agree")
                .when().post("/api/v1/forms/demo-request/submissions")
                .then().statusCode(303).header("Location", containsString("/thank-you.html"));

        List<Row> leads = rows("select channel, form_id, utm_source, consent_marketing from lead where email = $1", "grace@" + domain);
        assertThat(leads).hasSize(1);
        assertThat(leads.get(0).getString("channel")).isEqualTo("form");
        assertThat(leads.get(0).getString("form_id")).isEqualTo("demo-request");
        assertThat(leads.get(0).getString("utm_source")).isEqualTo("linkedin");
        assertThat(leads.get(0).getBoolean("consent_marketing")).isTrue();
    }

    @Test
    void anHtmlFormPostCarriesTheStateAndCompanyDetailsOntoTheLeadAndLeadCaptured() throws Exception {
        String domain = uniqueDomain();
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("email", "grace@" + domain).formParam("company", "Acme").formParam("state", "Bavaria")
                .formParam("website", domain).formParam("industry", "Maschinenbau").formParam("employees", "1k+")
                .formParam("revenue", "$10M")
                .when().post("/api/v1/forms/demo-request/submissions")
                .then().statusCode(303);

        List<Row> leads = rows("select id, state, website, industry, employees, revenue from lead where email = $1",
                "grace@" + domain);
        assertThat(detailsOf(leads)).containsExactly("Bavaria", domain, "Maschinenbau", "1k+", "$10M");
        String payload = rows("select payload::text as payload from outbox where aggregateid = $1",
                leads.get(0).getUUID("id").toString()).get(0).getString("payload");
        assertThat(EventContracts.violations("LeadCaptured", payload)).isEmpty();
        JsonNode event = mapper.readTree(payload);
        assertThat(event.get("channel").asText()).isEqualTo("form");
        assertThat(List.of("state", "website", "industry", "employees", "revenue")).extracting(f -> event.get(f).asText())
                .containsExactly("Bavaria", domain, "Maschinenbau", "1k+", "$10M");
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButTheLeadIsMarkedSpamAndNeverAnnounced() {
        String domain = uniqueDomain();
        String leadId = given().contentType("application/json")
                .body("{\"email\":\"bot@" + domain + "\",\"hp\":\"http://cheap-pills.example\"}")
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        assertThat(rows("select spam_reason from lead where id = $1", UUID.fromString(leadId)))
                .extracting(row -> row.getString("spam_reason")).containsExactly("honeypot");
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }

    @Test
    void aFormPostedFasterThanAPersonCanIsSpam() {
        // The form was shown 300 ms before it was sent. On a loaded machine the request itself may take
        // longer than the 2 s minimum fill time, and then it proves nothing: such an attempt is repeated.
        for (int attempt = 0; attempt < 5; attempt++) {
            String email = "quick@" + uniqueDomain();
            long shown = System.currentTimeMillis() - 300;
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("email", email)
                    .formParam("lf_rendered_at", Long.toString(shown))
                    .when().post("/api/v1/forms/demo-request/submissions").then().statusCode(303);
            if (System.currentTimeMillis() - shown < 1_900) {
                assertThat(rows("select spam_reason from lead where email = $1", email))
                        .extracting(row -> row.getString("spam_reason")).containsExactly("too-fast");
                return;
            }
        }
        throw new AssertionError("no form post was answered within the 2 s minimum fill time in 5 attempts");
    }

    @Test
    void aBodyThatIsNotJsonIsAn415Problem() {
        given().contentType("text/plain").body("email=ada@acme.com")
                .when().post("/api/v1/leads")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{\"email\":\"ada@acme.com\",\"message\":\"" + "x".repeat(70_000) + "\"}";
        given().contentType("application/json").body(huge)
                .when().post("/api/v1/leads")
                .then().statusCode(413);
    }
}
