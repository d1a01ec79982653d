package io.leadflow.capture.privacy;

import io.leadflow.messaging.testing.Sql;
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

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** Do not contact: listed addresses are captured flagged, existing leads are flagged and announced once. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class DoNotContactTest {

    @Inject
    Pool db;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String email() {
        return "quiet-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-robotics.com";
    }

    private static io.restassured.response.ValidatableResponse optOut(String email) {
        return given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"reason\":\"ticket PRIV-42: asked by phone\"}")
                .when().post("/api/v1/admin/do-not-contact").then();
    }

    @Test
    void aListedAddressIsCapturedFlaggedSoThatNobodyCallsIt() {
        String email = email();
        optOut(email.toUpperCase()).statusCode(201).body("created", is(true));

        String leadId = given().contentType("application/json").body("{\"email\":\"" + email + "\"}")
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        assertThat(rows("select do_not_contact from lead where id = $1", UUID.fromString(leadId)).get(0).getBoolean("do_not_contact")).isTrue();
        Row event = rows("select type, payload::text as payload from outbox where aggregateid = $1", leadId).get(0);
        assertThat(event.getString("type")).isEqualTo("LeadCaptured");
        assertThat(event.getString("payload")).contains("\"doNotContact\": true");
        assertThat(EventContracts.violations("LeadCaptured", event.getString("payload"))).isEmpty();
        given().auth().oauth2(TestTokens.admin()).queryParam("email", email).when().get("/api/v1/admin/do-not-contact")
                .then().statusCode(200);
    }

    @Test
    void anExistingLeadIsFlaggedAndAnnouncedOnce() {
        String email = email();
        String leadId = given().contentType("application/json").body("{\"email\":\"" + email + "\"}")
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        optOut(email).statusCode(201).body("leadId", is(leadId));
        optOut(email).statusCode(200).body("created", is(false)).body("leadId", is(leadId));

        assertThat(rows("select do_not_contact from lead where id = $1", UUID.fromString(leadId)).get(0).getBoolean("do_not_contact")).isTrue();
        List<Row> optedOut = rows("select payload::text as payload from outbox where aggregateid = $1 and type = 'LeadOptedOut'", leadId);
        assertThat(optedOut).hasSize(1);
        assertThat(EventContracts.violations("LeadOptedOut", optedOut.get(0).getString("payload"))).isEmpty();
        assertThat(optedOut.get(0).getString("payload")).doesNotContain(email);
        // The next submission of the person says so too.
        given().contentType("application/json").body("{\"email\":\"" + email + "\",\"jobTitle\":\"CTO\"}")
                .when().post("/api/v1/leads").then().statusCode(202);
        assertThat(rows("select payload::text as payload from outbox where aggregateid = $1 and type = 'LeadResubmitted'", leadId)
                .get(0).getString("payload")).contains("\"doNotContact\": true");
    }

    @Test
    void onlyRevOpsAndAdminsListAddressesAndTheAddressMustBeOne() {
        given().contentType("application/json").body("{\"email\":\"" + email() + "\"}")
                .when().post("/api/v1/admin/do-not-contact").then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).contentType("application/json").body("{\"email\":\"" + email() + "\"}")
                .when().post("/api/v1/admin/do-not-contact").then().statusCode(403);
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("{\"email\":\"not an address\"}")
                .when().post("/api/v1/admin/do-not-contact").then().statusCode(400).body("errors.field", hasItems("email"));
        given().auth().oauth2(TestTokens.revops()).queryParam("email", email()).when().get("/api/v1/admin/do-not-contact")
                .then().statusCode(404);
    }
}
