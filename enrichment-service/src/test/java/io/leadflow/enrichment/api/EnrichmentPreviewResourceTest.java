package io.leadflow.enrichment.api;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/** The preview: what a lead would be enriched to, for RevOps only, nothing stored or emitted. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
class EnrichmentPreviewResourceTest {

    private static final String PATH = "/api/v1/enrichment/preview";
    private static final String LEAD = """
            {"email":"ada@acme-robotics.com","firstName":"Ada","lastName":"Lovelace","company":"Acme Robotics",
             "jobTitle":"Directrice commerciale","phone":"06 12 34 56 78","country":"FR"}""";

    @Inject
    Pool db;

    private long count(String table) {
        return db.query("select count(*) from " + table).execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    @Test
    void onlyRevopsAndAdminsMayPreview() {
        given().contentType("application/json").body(LEAD).when().post(PATH).then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).contentType("application/json").body(LEAD).when().post(PATH)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(LEAD).when().post(PATH)
                .then().statusCode(200);
    }

    @Test
    void aLeadIsReadAsEnrichmentWouldReadItAndNothingIsStoredOrEmitted() {
        long rows = count("lead_enrichment");
        long outbox = count("outbox");

        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body(LEAD).when().post(PATH)
                .then().statusCode(200)
                .body("enrichment.emailClass", is("business"))
                .body("enrichment.companyDomain", is("acme-robotics.com"))
                .body("enrichment.person.seniority", is("director"))
                .body("enrichment.person.department", is("sales"))
                .body("enrichment.person.decisionMaker", is(true))
                .body("enrichment.phone.e164", is("+33612345678"))
                .body("enrichment.phone.type", is("mobile"))
                .body("enrichment.geography.region", is("EMEA"))
                .body("enrichment.geography.timeZone", is("Europe/Paris"))
                .body("enrichment.quality.score", is(100))
                .body("enrichment.quality.issues", empty());

        assertThat(count("lead_enrichment")).isEqualTo(rows);
        assertThat(count("outbox")).isEqualTo(outbox);
    }

    @Test
    void aBadLeadIsRefusedNamingEachField() {
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"email\":\"not-an-address\",\"country\":\"France\"}").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("email", "country"));
    }
}
