package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.sla.domain.SlaService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** leads.routing.v1 drives the first-touch clocks; the test profile allows 10 s from capture (PT10S). */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class RoutingEventsConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration FIRST_TOUCH = Duration.ofSeconds(10);
    private static final String ROUTING = "leads.routing.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;
    @Inject
    SlaService sla;

    private String leadAssigned(String leadId, String eventId, String assignmentId, Instant capturedAt) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadAssigned"));
        event.put("leadId", leadId).put("eventId", eventId).put("assignmentId", assignmentId).put("sdrId", "sdr-7");
        ((ObjectNode) event.get("lead")).put("capturedAt", capturedAt.toString());
        return event.toString();
    }

    private String leadAccepted(String leadId, String eventId, String assignmentId, Instant acceptedAt) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadAccepted"));
        return event.put("leadId", leadId).put("eventId", eventId).put("assignmentId", assignmentId)
                .put("sdrId", "sdr-7").put("acceptedAt", acceptedAt.toString()).toString();
    }

    private void assign(String leadId, String assignmentId, Instant capturedAt) throws Exception {
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadAssigned", leadAssigned(leadId, eventId, assignmentId, capturedAt));
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private Row clockOf(String leadId) {
        List<Row> clocks = rows("select * from sla_clock where lead_id = $1", UUID.fromString(leadId));
        assertThat(clocks).hasSize(1);
        return clocks.get(0);
    }

    private void awaitClock(String leadId, String state) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from sla_clock where lead_id = $1 and state = $2",
                UUID.fromString(leadId), state).size() == 1);
    }

    private int breachedEventsOf(String leadId) {
        return rows("select 1 from outbox where aggregateid = $1 and type = 'SlaBreached'", leadId).size();
    }

    private double duplicates() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "sla", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void anAssignmentStartsOneFirstTouchClockAtCaptureTimeWhateverIsRedelivered() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String assignmentId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Instant capturedAt = now().minusSeconds(1);
        String value = leadAssigned(leadId, eventId, assignmentId, capturedAt);
        double duplicatesBefore = duplicates();

        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadAssigned", value);
        awaitClock(leadId, "RUNNING");

        Row clock = clockOf(leadId);
        assertThat(clock.getString("kind")).isEqualTo("first-touch");
        assertThat(clock.getString("sdr_id")).isEqualTo("sdr-7");
        assertThat(clock.getUUID("assignment_id")).hasToString(assignmentId);
        assertThat(clock.getOffsetDateTime("started_at").toInstant()).isEqualTo(capturedAt);
        assertThat(clock.getOffsetDateTime("due_at").toInstant()).isEqualTo(capturedAt.plus(FIRST_TOUCH));

        // The same event again (redelivery), then the same assignment announced under a new event id.
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadAssigned", value);
        await().atMost(DEADLINE).until(() -> duplicates() > duplicatesBefore);
        String repeatId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, leadId, repeatId, "LeadAssigned",
                leadAssigned(leadId, repeatId, UUID.randomUUID().toString(), capturedAt.plusSeconds(1)));
        await().atMost(DEADLINE).until(() -> !rows("select 1 from inbox where consumer = 'sla' and event_id = $1",
                UUID.fromString(repeatId)).isEmpty());

        Row after = clockOf(leadId);
        assertThat(after.getUUID("id")).isEqualTo(clock.getUUID("id"));
        assertThat(after.getUUID("assignment_id")).hasToString(assignmentId);
        assertThat(after.getOffsetDateTime("due_at").toInstant()).isEqualTo(capturedAt.plus(FIRST_TOUCH));
    }

    @Test
    void anUnacceptedLeadBreachesExactlyOnceWithAContractValidEvent() throws Throwable {
        String leadId = UUID.randomUUID().toString();
        String assignmentId = UUID.randomUUID().toString();
        Instant capturedAt = now().minus(FIRST_TOUCH).minusSeconds(1);

        try (TopicProbe slaTopic = TopicProbe.on(bootstrap, "leads.sla.v1")) {
            assign(leadId, assignmentId, capturedAt);
            ConsumerRecord<String, String> record = slaTopic.awaitOne(keyed(leadId, "SlaBreached"), DEADLINE);

            assertThat(EventContracts.violations("SlaBreached", record.value())).isEmpty();
            JsonNode payload = mapper.readTree(record.value());
            Row clock = clockOf(leadId);
            assertThat(clock.getString("state")).isEqualTo("BREACHED");
            assertThat(payload.get("eventId").asText()).isEqualTo(header(record, "id"));
            assertThat(payload.get("clockId").asText()).isEqualTo(clock.getUUID("id").toString());
            assertThat(payload.get("sdrId").asText()).isEqualTo("sdr-7");
            assertThat(payload.get("assignmentId").asText()).isEqualTo(assignmentId);
            assertThat(Instant.parse(payload.get("startedAt").asText())).isEqualTo(capturedAt);
            assertThat(Instant.parse(payload.get("dueAt").asText())).isEqualTo(capturedAt.plus(FIRST_TOUCH));
            assertThat(Instant.parse(payload.get("breachedAt").asText()))
                    .isEqualTo(clock.getOffsetDateTime("breached_at").toInstant())
                    .isAfterOrEqualTo(capturedAt.plus(FIRST_TOUCH));

            // More scans find nothing left to breach for this lead.
            VertxContextSupport.subscribeAndAwait(() -> sla.breachDueClocks());
            VertxContextSupport.subscribeAndAwait(() -> sla.breachDueClocks());
            assertThat(breachedEventsOf(leadId)).isEqualTo(1);
        }
    }

    @Test
    void aLeadAcceptedInTimeIsMetAndNeverBreaches() throws Exception {
        String accepted = UUID.randomUUID().toString();
        String assignmentId = UUID.randomUUID().toString();
        Instant acceptedAt = now();
        assign(accepted, assignmentId, now());
        String acceptEventId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, accepted, acceptEventId, "LeadAccepted",
                leadAccepted(accepted, acceptEventId, assignmentId, acceptedAt));

        awaitClock(accepted, "MET");
        assertThat(clockOf(accepted).getOffsetDateTime("stopped_at").toInstant()).isEqualTo(acceptedAt);

        // Let the met clock's deadline pass, then start a control clock due after it: once the control
        // clock has breached, the scans have been over the met one after its deadline too.
        rows("update sla_clock set due_at = now() - interval '2 seconds' where lead_id = $1", UUID.fromString(accepted));
        String control = UUID.randomUUID().toString();
        assign(control, UUID.randomUUID().toString(), now().minus(FIRST_TOUCH).minusSeconds(1));
        awaitClock(control, "BREACHED");

        assertThat(clockOf(accepted).getString("state")).isEqualTo("MET");
        assertThat(breachedEventsOf(accepted)).isZero();
        assertThat(breachedEventsOf(control)).isEqualTo(1);
    }

    @Test
    void anAssignmentWithoutCaptureTimeGoesToTheDeadLetterTopic() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(leadAssigned(leadId, eventId, UUID.randomUUID().toString(), now()));
        ((ObjectNode) event.get("lead")).remove("capturedAt");

        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.routing.v1.sla.dlq")) {
            TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadAssigned", event.toString());

            assertThat(header(dlq.awaitOne(keyed(leadId), DEADLINE), "dead-letter-reason")).contains("capturedAt");
            assertThat(rows("select 1 from sla_clock where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        }
    }
}
