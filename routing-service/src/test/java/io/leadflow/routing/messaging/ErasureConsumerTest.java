package io.leadflow.routing.messaging;

import io.leadflow.messaging.testing.ContractEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.leadflow.routing.RoutingFixtures.DEADLINE;
import static io.leadflow.routing.RoutingFixtures.leadScored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

/** LeadErased: the assignment stays for fairness and KPIs, the person leaves its snapshots; a late LeadScored assigns nothing. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ErasureConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;
    @Inject
    RoutingService routing;

    private List<Row> rows(String sql, Object... params) {
        return RoutingFixtures.rows(db, sql, params);
    }

    private void erase(String leadId) {
        ContractEvents.sendLeadErased(bootstrap, leadId);
    }

    private void awaitErased(String leadId) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from erased_lead where lead_id = $1", UUID.fromString(leadId)).size() == 1);
    }

    private double erasedOutcomes() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "routing", "outcome", "erased").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anErasedLeadsAssignmentKeepsItsIdsStatusAndScoreWithoutThePerson() throws Exception {
        String sdr = "sdr-" + UUID.randomUUID().toString().substring(0, 6);
        rows("insert into sdr (id, name, email) values ($1, 'Erasure Tester', 'tester@leadflow.io')", sdr);
        UUID lead = RoutingFixtures.leadOf(routing, db, sdr);
        String leadId = lead.toString();
        rows("update assignment set bant = '{\"budget\":\"50k\"}', notes = 'call Ada after 5pm', "
                + "qualification = '{\"framework\":\"meddic\",\"answers\":{\"champion\":\"Ada Lovelace\"}}', "
                + "closed_note = 'Ada moves to Globex in March' where lead_id = $1", lead);
        rows("update routing_decision set evidence = '{\"enrichment.company.name\": \"Acme Robotics\"}' where lead_id = $1",
                lead);
        // Another lead of the person's company waits in a hold queue with its snapshots.
        UUID waiting = UUID.randomUUID();
        rows("insert into pool (id, name) values ($1, 'nobody') on conflict do nothing", "erasure-hold");
        rows("insert into routing_hold (lead_id, pool_id, held_since, pool_since, lead, score) values "
                + "($1, 'erasure-hold', now(), now(), '{\"email\": \"ada@acme.example.com\"}', '{\"value\": 72}')", waiting);
        given().auth().oauth2(TestTokens.sdr(sdr)).contentType("application/json")
                .body("{\"channel\":\"call\",\"outcome\":\"connected\",\"note\":\"Ada's mobile is 06 12 34 56 78\"}")
                .when().post("/api/v1/sdr/leads/{id}/touches", leadId).then().statusCode(200);

        erase(leadId);
        awaitErased(leadId);

        Row assignment = rows("select * from assignment where lead_id = $1", lead).get(0);
        JsonNode snapshot = mapper.readTree(assignment.getJsonObject("lead").encode());
        assertThat(snapshot.has("email")).isFalse();
        assertThat(snapshot.has("firstName")).isFalse();
        assertThat(snapshot.has("company")).isFalse();
        assertThat(snapshot.has("phone")).isFalse();
        assertThat(snapshot.get("campaign").asText()).isEqualTo("q4-demo");
        assertThat(snapshot.get("erased").asBoolean()).isTrue();
        assertThat(assignment.getJsonObject("enrichment").fieldNames()).containsExactly("emailClass");
        assertThat(assignment.getJsonObject("score").encode()).doesNotContain("VP Sales").doesNotContain("seniority=vp");
        assertThat(assignment.getValue("bant")).isNull();
        // The framework says nothing about the person; the answers do.
        assertThat(assignment.getJsonObject("qualification").getString("framework")).isEqualTo("meddic");
        assertThat(assignment.getJsonObject("qualification").getJsonObject("answers").isEmpty()).isTrue();
        assertThat(assignment.getString("notes")).isNull();
        assertThat(assignment.getString("closed_note")).isNull();
        // The touch stays for speed-to-lead (channel, outcome, time); what the SDR wrote about the person goes.
        Row touch = rows("select channel, outcome, note from lead_touch where lead_id = $1", lead).get(0);
        assertThat(touch.getString("outcome")).isEqualTo("connected");
        assertThat(touch.getString("note")).isNull();
        assertThat(assignment.getString("sdr_id")).isEqualTo(sdr);
        assertThat(assignment.getString("status")).isEqualTo("ASSIGNED");
        assertThat(assignment.getInteger("score_value")).isEqualTo(72);
        Row decision = rows("select outcome, evidence from routing_decision where lead_id = $1", lead).get(0);
        assertThat(decision.getString("outcome")).isEqualTo("assigned");
        assertThat(decision.getValue("evidence")).as("the rule's evidence may be the person's").isNull();
        erase(waiting.toString());
        awaitErased(waiting.toString());
        assertThat(rows("select 1 from routing_hold where lead_id = $1", waiting)).as("left the hold queue").isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).as("LeadAssigned held the lead").isEmpty();

        // The SDR still sees the lead in the list, without anyone behind it.
        given().auth().oauth2(TestTokens.sdr(sdr)).when().get("/api/v1/sdr/leads/{id}", leadId).then()
                .statusCode(200).body("lead.email", nullValue()).body("lead.name", nullValue());
    }

    @Test
    void aLeadScoredReadAfterTheErasureIsNotAssigned() throws Exception {
        String leadId = UUID.randomUUID().toString();
        erase(leadId);
        awaitErased(leadId);

        double before = erasedOutcomes();
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, "leads.scoring.v1", leadId, eventId, "LeadScored", leadScored(leadId, eventId, 90).toString());
        await().atMost(DEADLINE).until(() -> erasedOutcomes() > before);
        assertThat(rows("select 1 from assignment where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        assertThat(rows("select 1 from routing_decision where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }
}
