package io.leadflow.capture.forms;

import io.leadflow.messaging.testing.Sql;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Forms configured through the admin API, applied to every submission: requirements, defaults, pages, CORS, limits. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class FormsTest {

    private static final String SITE = "https://www.acme-robotics.com";

    @Inject
    Pool db;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String formId() {
        return "form-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String definition(String extra) {
        return """
                {"name":"Q4 webinar","allowedOrigins":["%s"],"requiredFields":["company","consent"],
                 "consent":{"text":"I agree to hear from Acme about the webinar","version":"2026-11"},
                 "thankYouUrl":"%s/thanks","errorUrl":"%s/webinar?retry=1",
                 "defaults":{"source":"webinar","medium":"event","campaign":"q4-webinar"}%s}
                """.formatted(SITE, SITE, SITE, extra);
    }

    private static void create(String formId, String extra) {
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(definition(extra))
                .when().put("/api/v1/admin/forms/" + formId).then().statusCode(201);
    }

    @Test
    void revOpsManagesFormsAndEveryProblemOfADefinitionIsNamed() {
        String formId = formId();
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(definition(""))
                .when().put("/api/v1/admin/forms/" + formId).then().statusCode(201)
                .body("id", is(formId)).body("definition.allowedOrigins", hasItems(SITE));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(definition(",\"rateLimitPerMinute\":600"))
                .when().put("/api/v1/admin/forms/" + formId).then().statusCode(200)
                .body("definition.rateLimitPerMinute", is(600));
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/admin/forms/" + formId).then().statusCode(200)
                .body("definition.consent.version", is("2026-11"));
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/admin/forms").then().statusCode(200)
                .body("id", hasItems(formId));

        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"name\":\"\",\"allowedOrigins\":[\"www.acme.com\"],\"requiredFields\":[\"salary\"],\"thankYouUrl\":\"javascript:x\"}")
                .when().put("/api/v1/admin/forms/" + formId).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "allowedOrigins[0]", "requiredFields[0]", "thankYouUrl"));

        given().contentType("application/json").body(definition("")).when().put("/api/v1/admin/forms/" + formId)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).contentType("application/json").body(definition(""))
                .when().put("/api/v1/admin/forms/" + formId).then().statusCode(403);

        given().auth().oauth2(TestTokens.revops()).when().delete("/api/v1/admin/forms/" + formId).then().statusCode(204);
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/admin/forms/" + formId).then().statusCode(404);
    }

    @Test
    void theFormsRequirementsAreCheckedWithTheOtherRulesAndItsDefaultsApplied() {
        String formId = formId();
        create(formId, "");
        String email = "ada@" + formId + ".example.com";

        given().contentType("application/json").body("{\"email\":\"" + email + "\",\"country\":\"Narnia\"}")
                .when().post("/api/v1/forms/" + formId + "/submissions").then().statusCode(400)
                .body("errors.field", hasItems("country", "company", "consent.marketing"));
        assertThat(rows("select 1 from lead where email = $1", email)).isEmpty();

        String leadId = given().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"company\":\"Acme\",\"consent\":{\"marketing\":true}}")
                .when().post("/api/v1/forms/" + formId + "/submissions").then().statusCode(202).extract().path("leadId");

        Row stored = rows("select form_id, utm_source, utm_medium, utm_campaign, consent_text, consent_version"
                + " from submission where lead_id = $1", UUID.fromString(leadId)).get(0);
        assertThat(stored.getString("form_id")).isEqualTo(formId);
        assertThat(stored.getString("utm_source")).isEqualTo("webinar");
        assertThat(stored.getString("utm_campaign")).isEqualTo("q4-webinar");
        assertThat(stored.getString("consent_text")).isEqualTo("I agree to hear from Acme about the webinar");
        assertThat(stored.getString("consent_version")).isEqualTo("2026-11");
    }

    @Test
    void anHtmlPostGoesToTheThankYouPageOrBackToTheErrorPageWithTheReasons() {
        String formId = formId();
        create(formId, "");
        String email = "grace@" + formId + ".example.com";

        Response invalid = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("company", "")
                .when().post("/api/v1/forms/" + formId + "/submissions");
        assertThat(invalid.statusCode()).isEqualTo(303);
        String back = URLDecoder.decode(invalid.header("Location"), StandardCharsets.UTF_8);
        assertThat(back).startsWith(SITE + "/webinar?retry=1&lf_error=")
                .contains("lf_error=company: is required").contains("lf_error=consent.marketing: must be given");
        assertThat(rows("select 1 from lead where email = $1", email)).isEmpty();

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("company", "Navy").formParam("consent", "on")
                .when().post("/api/v1/forms/" + formId + "/submissions")
                .then().statusCode(303).header("Location", is(SITE + "/thanks"));
        assertThat(rows("select consent_marketing, consent_text from submission where email = $1", email))
                .singleElement().satisfies(r -> {
                    assertThat(r.getBoolean("consent_marketing")).isTrue();
                    assertThat(r.getString("consent_text")).isEqualTo("I agree to hear from Acme about the webinar");
                });
    }

    @Test
    void onlyTheFormsOriginsMayPostAndReadTheAnswers() {
        String formId = formId();
        create(formId, "");
        String path = "/api/v1/forms/" + formId + "/submissions";

        given().header("Origin", SITE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .when().options(path).then().statusCode(204)
                .header("Access-Control-Allow-Origin", is(SITE))
                .header("Access-Control-Allow-Headers", is("Content-Type, Idempotency-Key"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options(path).then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());

        // Answers to a listed origin are readable, problems included.
        given().header("Origin", SITE).contentType("application/json").body("{\"email\":\"nope\"}")
                .when().post(path).then().statusCode(400).header("Access-Control-Allow-Origin", is(SITE));
        String email = "lin@" + formId + ".example.com";
        given().header("Origin", SITE).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"company\":\"Acme\",\"consent\":{\"marketing\":true}}")
                .when().post(path).then().statusCode(202).header("Access-Control-Allow-Origin", is(SITE));

        String other = "mallory@" + formId + ".example.com";
        given().header("Origin", "https://evil.example").contentType("application/json")
                .body("{\"email\":\"" + other + "\",\"company\":\"Evil\",\"consent\":{\"marketing\":true}}")
                .when().post(path).then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("origin-not-allowed"))
                .header("Access-Control-Allow-Origin", nullValue());
        assertThat(rows("select 1 from lead where email = $1", other)).isEmpty();
    }

    @Test
    void aFormHasItsOwnBudgetOnTopOfTheAddressLimit() {
        String formId = formId();
        create(formId, ",\"rateLimitPerMinute\":30");
        // A burst of a tenth of a minute's budget (3) is admitted, then the form's limit answers 429.
        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response r = given().contentType("application/json")
                    .body("{\"email\":\"p" + i + "@" + formId + ".example.com\",\"company\":\"Acme\",\"consent\":{\"marketing\":true}}")
                    .when().post("/api/v1/forms/" + formId + "/submissions");
            if (r.statusCode() == 202) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        // The JSON API with the form's id in the body draws from the same budget.
        given().contentType("application/json")
                .body("{\"email\":\"q@" + formId + ".example.com\",\"formId\":\"" + formId + "\",\"company\":\"Acme\",\"consent\":{\"marketing\":true}}")
                .when().post("/api/v1/leads").then().statusCode(429);
        // An integration is not counted against a form's budget.
        given().auth().oauth2(TestTokens.integration()).contentType("application/json")
                .body("{\"email\":\"r@" + formId + ".example.com\",\"formId\":\"" + formId + "\",\"company\":\"Acme\",\"consent\":{\"marketing\":true}}")
                .when().post("/api/v1/leads").then().statusCode(202);
    }
}
