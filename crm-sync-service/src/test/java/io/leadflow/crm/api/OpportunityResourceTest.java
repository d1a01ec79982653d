package io.leadflow.crm.api;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
class OpportunityResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    /** An open opportunity in the database, as the consumer would have left it. */
    private record Fixture(UUID opportunityId, UUID leadId) {
    }

    private Fixture openOpportunity() {
        UUID accountId = UUID.randomUUID();
        UUID contactId = UUID.randomUUID();
        UUID opportunityId = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        String domain = "initech-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        db.withTransaction(tx -> tx.preparedQuery("insert into account (id, name, domain, created_at) values ($1, 'Initech', $2, now())")
                        .execute(Tuple.of(accountId, domain))
                        .chain(() -> tx.preparedQuery("""
                                        insert into contact (id, email, first_name, account_id, created_at, updated_at)
                                        values ($1, $2, 'Bill', $3, now(), now())""")
                                .execute(Tuple.of(contactId, "bill@" + domain, accountId)))
                        .chain(() -> tx.preparedQuery("""
                                        insert into opportunity (id, lead_id, account_id, contact_id, name, stage, owner_id, bant,
                                                                 qualification, qualified_at, created_at)
                                        values ($1, $2, $3, $4, 'Initech - new business', 'discovery', 'sdr-1',
                                                '{"budget":"20k","authority":"CFO","need":"TPS reports","timeline":"Q2"}'::jsonb,
                                                '{"framework":"bant","answers":{"budget":"20k","authority":"CFO",
                                                  "need":"TPS reports","timeline":"Q2"}}'::jsonb,
                                                now(), now())""")
                                .execute(Tuple.of(opportunityId, leadId, accountId, contactId))))
                .await().atMost(DEADLINE);
        return new Fixture(opportunityId, leadId);
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static RequestSpecification revops() {
        return given().auth().oauth2(TestTokens.revops());
    }

    private static String close(Fixture fixture) {
        return "/api/v1/opportunities/" + fixture.opportunityId() + "/close";
    }

    @Test
    void closingWonMovesTheStageAndAnnouncesAContractValidOpportunityClosed() throws Exception {
        Fixture fixture = openOpportunity();

        revops().contentType("application/json").body("{\"outcome\":\"WON\",\"reason\":\"Best routing latency\",\"amount\":12345.0}")
                .when().post(close(fixture))
                .then().statusCode(200)
                .body("stage", is("closed-won")).body("outcome", is("WON")).body("reason", is("Best routing latency"))
                .body("amount", is(12345.0f)).body("bant.need", is("TPS reports"))
                .body("qualification.framework", is("bant")).body("qualification.answers.need", is("TPS reports"));

        List<Row> events = rows("select id, aggregatetype, type, payload::text as payload from outbox where aggregateid = $1",
                fixture.leadId().toString());
        assertThat(events).hasSize(1);
        Row event = events.get(0);
        assertThat(event.getString("aggregatetype")).isEqualTo("crm");
        assertThat(event.getString("type")).isEqualTo("OpportunityClosed");
        String payload = event.getString("payload");
        assertThat(EventContracts.violations("OpportunityClosed", payload)).isEmpty();
        JsonNode json = mapper.readTree(payload);
        assertThat(json.get("opportunityId").asText()).isEqualTo(fixture.opportunityId().toString());
        assertThat(json.get("outcome").asText()).isEqualTo("WON");
        assertThat(json.get("amount").decimalValue()).isEqualByComparingTo("12345");
        assertThat(json.get("closedAt").asText()).isNotBlank();

        Row stored = rows("select stage, outcome, close_reason, amount, closed_at from opportunity where id = $1",
                fixture.opportunityId()).get(0);
        assertThat(stored.getString("stage")).isEqualTo("closed-won");
        assertThat(stored.getString("close_reason")).isEqualTo("Best routing latency");
        assertThat(stored.getBigDecimal("amount")).isEqualByComparingTo("12345");
    }

    @Test
    void anOpportunityClosesOnlyOnce() {
        Fixture fixture = openOpportunity();
        revops().contentType("application/json").body("{\"outcome\":\"LOST\",\"reason\":\"No budget after all\"}")
                .when().post(close(fixture)).then().statusCode(200).body("stage", is("closed-lost"));

        revops().contentType("application/json").body("{\"outcome\":\"WON\",\"amount\":1000}")
                .when().post(close(fixture))
                .then().statusCode(409).contentType("application/problem+json").body("status", is(409));

        assertThat(rows("select 1 from outbox where aggregateid = $1", fixture.leadId().toString())).hasSize(1);
        assertThat(rows("select outcome from opportunity where id = $1", fixture.opportunityId()).get(0).getString("outcome"))
                .isEqualTo("LOST");
    }

    @Test
    void aBadClosingIsAProblemNamingEachFieldAndChangesNothing() {
        Fixture fixture = openOpportunity();
        revops().contentType("application/json").body("{\"reason\":\"\"}")
                .when().post(close(fixture))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("outcome"));
        revops().contentType("application/json").body("{\"outcome\":\"LOST\",\"amount\":-3}")
                .when().post(close(fixture))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("reason", "amount"));
        revops().contentType("application/json").body("{\"outcome\":\"MAYBE\"}")
                .when().post(close(fixture))
                .then().statusCode(400).body("errors.field", contains("outcome"));
        revops().contentType("application/json").body("{\"outcome\":\"WON\",\"amount\":\"lots\"}")
                .when().post(close(fixture))
                .then().statusCode(400).body("errors.field", hasItems("amount"));

        assertThat(rows("select stage from opportunity where id = $1", fixture.opportunityId()).get(0).getString("stage"))
                .isEqualTo("discovery");
        assertThat(rows("select 1 from outbox where aggregateid = $1", fixture.leadId().toString())).isEmpty();
    }

    @Test
    void anUnknownOpportunityIsNotFound() {
        revops().contentType("application/json").body("{\"outcome\":\"WON\"}")
                .when().post("/api/v1/opportunities/" + UUID.randomUUID() + "/close")
                .then().statusCode(404).contentType("application/problem+json");
        revops().when().get("/api/v1/opportunities/" + UUID.randomUUID()).then().statusCode(404);
        revops().when().get("/api/v1/opportunities/not-a-uuid").then().statusCode(400).body("errors.field", contains("id"));
    }

    @Test
    void opportunitiesAreFoundByLeadAndById() {
        Fixture fixture = openOpportunity();
        revops().queryParam("leadId", fixture.leadId().toString())
                .when().get("/api/v1/opportunities")
                .then().statusCode(200)
                .body("opportunities.id", contains(fixture.opportunityId().toString()))
                .body("opportunities[0].name", is("Initech - new business"));
        given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/opportunities/" + fixture.opportunityId())
                .then().statusCode(200).body("leadId", is(fixture.leadId().toString())).body("stage", is("discovery"))
                .body("bant.budget", is("20k"));
    }

    @Test
    void theCrmNeedsARevOpsOrAdminToken() {
        Fixture fixture = openOpportunity();
        given().when().get("/api/v1/opportunities").then().statusCode(401);
        given().contentType("application/json").body("{\"outcome\":\"WON\"}").when().post(close(fixture)).then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).contentType("application/json").body("{\"outcome\":\"WON\"}")
                .when().post(close(fixture)).then().statusCode(403);
        assertThat(rows("select stage from opportunity where id = $1", fixture.opportunityId()).get(0).getString("stage"))
                .isEqualTo("discovery");
    }
}
