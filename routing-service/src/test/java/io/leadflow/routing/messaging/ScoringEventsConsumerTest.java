package io.leadflow.routing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.leadflow.routing.RoutingFixtures.DEADLINE;
import static io.leadflow.routing.RoutingFixtures.leadScored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** leads.scoring.v1 in, leads.routing.v1 out: through real Kafka, PostgreSQL and Debezium. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ScoringEventsConsumerTest {

    private static final List<String> ROTATION = List.of("sdr-1", "sdr-2", "sdr-3");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    private List<Row> rows(String sql, Object... params) {
        return io.leadflow.routing.RoutingFixtures.rows(db, sql, params);
    }

    private double consumed(String outcome) {
        var counter = meters.find("leadflow.events.consumed")
                .tags("consumer", "routing", "type", "LeadScored", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void sendScored(String leadId, String eventId, int score) {
        TopicProbe.send(bootstrap, "leads.scoring.v1", leadId, eventId, "LeadScored",
                leadScored(leadId, eventId, score).toString());
    }

    @Test
    void scoredLeadsAreAssignedInTurnAndAnnouncedWithTheirWholeContext() throws Exception {
        int cursor = rows("select last_position from pool where id = 'default'").get(0).getInteger("last_position");
        List<String> assignedTo = new ArrayList<>();
        try (TopicProbe routed = TopicProbe.on(bootstrap, "leads.routing.v1")) {
            for (int i = 0; i < 3; i++) {
                String leadId = UUID.randomUUID().toString();
                sendScored(leadId, UUID.randomUUID().toString(), 72);
                ConsumerRecord<String, String> record = routed.awaitOne(keyed(leadId, "LeadAssigned"), DEADLINE);

                assertThat(EventContracts.violations("LeadAssigned", record.value())).isEmpty();
                JsonNode payload = mapper.readTree(record.value());
                assertThat(payload.get("eventId").asText()).isEqualTo(header(record, "id"));
                assertThat(payload.get("poolId").asText()).isEqualTo("default");
                assertThat(payload.at("/lead/email").asText()).isEqualTo("ada@acme-robotics.com");
                assertThat(payload.at("/enrichment/emailClass").asText()).isEqualTo("business");
                assertThat(payload.at("/score/reasons/1/rule").asText()).isEqualTo("business-email");
                assignedTo.add(payload.get("sdrId").asText());

                Row assignment = rows("select id, sdr_id, status, score_value, grade, decision_micros from assignment where lead_id = $1",
                        UUID.fromString(leadId)).get(0);
                assertThat(assignment.getUUID("id").toString()).isEqualTo(payload.get("assignmentId").asText());
                assertThat(assignment.getString("status")).isEqualTo("ASSIGNED");
                assertThat(assignment.getInteger("score_value")).isEqualTo(72);
                assertThat(assignment.getLong("decision_micros")).isNotNegative();
            }
        }

        int first = (cursor + 1) % ROTATION.size();
        assertThat(assignedTo).containsExactly(ROTATION.get(first), ROTATION.get((first + 1) % 3), ROTATION.get((first + 2) % 3));
        Row decision = rows("select sdr_id from routing_decision where outcome = 'assigned' order by decided_at desc limit 1").get(0);
        assertThat(decision.getString("sdr_id")).isEqualTo(assignedTo.get(2));
    }

    @Test
    void aRedeliveredOrReScoredLeadIsAssignedOnlyOnce() {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = consumed("duplicate");
        double appliedBefore = consumed("applied");

        sendScored(leadId, eventId, 72);
        await().atMost(DEADLINE).until(() -> !rows("select 1 from assignment where lead_id = $1", UUID.fromString(leadId)).isEmpty());
        sendScored(leadId, eventId, 72);
        sendScored(leadId, UUID.randomUUID().toString(), 95);
        await().atMost(DEADLINE).until(() -> consumed("duplicate") > duplicatesBefore && consumed("applied") >= appliedBefore + 2);

        assertThat(rows("select 1 from assignment where lead_id = $1", UUID.fromString(leadId))).hasSize(1);
        assertThat(rows("select 1 from outbox where aggregateid = $1 and type = 'LeadAssigned'", leadId)).hasSize(1);
    }

    @Test
    void aLeadBelowTheThresholdIsNotAssignedButTheDecisionIsKept() {
        String leadId = UUID.randomUUID().toString();

        sendScored(leadId, UUID.randomUUID().toString(), 39);
        await().atMost(DEADLINE).until(() -> !rows("select 1 from routing_decision where lead_id = $1", UUID.fromString(leadId)).isEmpty());

        Row decision = rows("select outcome, score, threshold from routing_decision where lead_id = $1", UUID.fromString(leadId)).get(0);
        assertThat(decision.getString("outcome")).isEqualTo("below-threshold");
        assertThat(decision.getInteger("score")).isEqualTo(39);
        assertThat(decision.getInteger("threshold")).isEqualTo(40);
        assertThat(rows("select 1 from assignment where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithTheReason() {
        String leadId = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.scoring.v1.routing.dlq")) {
            TopicProbe.send(bootstrap, "leads.scoring.v1", leadId, UUID.randomUUID().toString(), "LeadScored",
                    leadScored(leadId, UUID.randomUUID().toString(), 72).without("score").toString());

            ConsumerRecord<String, String> dead = dlq.awaitOne(keyed(leadId), DEADLINE);
            assertThat(header(dead, "dead-letter-reason")).contains("does not fit LeadScoredIn");
            assertThat(rows("select 1 from assignment where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        }
    }
}
