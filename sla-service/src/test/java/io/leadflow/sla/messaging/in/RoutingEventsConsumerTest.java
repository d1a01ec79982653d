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

/** leads.routing.v1 drives the clocks; the test policy (sla/test-policies.json) allows 10 s, warns at half, escalates at the second breach, nurtures after 3 attempts. */
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

    private String leadTouched(String leadId, String eventId, String outcome, Instant touchedAt) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadTouched"));
        return event.put("leadId", leadId).put("eventId", eventId).put("sdrId", "sdr-7").put("outcome", outcome)
                .put("touchedAt", touchedAt.toString()).toString();
    }

    private void touch(String leadId, String outcome, Instant touchedAt) throws Exception {
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadTouched", leadTouched(leadId, eventId, outcome, touchedAt));
    }

    private void reassign(String leadId, String toSdr, Instant at) throws Exception {
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadReassigned"));
        event.put("leadId", leadId).put("eventId", eventId).put("fromSdrId", "sdr-7").put("sdrId", toSdr)
                .put("reason", "sla_breach").put("reassignedAt", at.toString());
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadReassigned", event.toString());
    }

    private List<Row> clocksOf(String leadId) {
        return rows("select * from sla_clock where lead_id = $1 order by started_at, attempt", UUID.fromString(leadId));
    }

    private void awaitClocks(String leadId, String... states) {
        await().atMost(DEADLINE).until(() -> clocksOf(leadId).stream().map(row -> row.getString("state")).toList(),
                actual -> actual.equals(List.of(states)));
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
        assertThat(clock.getInteger("attempt")).isEqualTo(1);
        assertThat(clock.getString("policy_id")).isEqualTo("test");
        assertThat(clock.getString("sdr_id")).isEqualTo("sdr-7");
        assertThat(clock.getString("pool_id")).isEqualTo("default");
        assertThat(clock.getUUID("assignment_id")).hasToString(assignmentId);
        assertThat(clock.getOffsetDateTime("started_at").toInstant()).isEqualTo(capturedAt);
        assertThat(clock.getOffsetDateTime("due_at").toInstant()).isEqualTo(capturedAt.plus(FIRST_TOUCH));
        assertThat(clock.getOffsetDateTime("at_risk_at").toInstant()).isEqualTo(capturedAt.plus(FIRST_TOUCH.dividedBy(2)));
        Row lead = rows("select * from sla_lead where lead_id = $1", UUID.fromString(leadId)).get(0);
        assertThat(lead.getString("policy_id")).isEqualTo("test");
        assertThat(lead.getString("policy_version")).isEqualTo("test-1");
        assertThat(lead.getJsonObject("facts").getString("temperature")).isNull();
        assertThat(lead.getJsonObject("facts").getString("source")).isEqualTo("google");
        assertThat(lead.getJsonObject("facts").getString("campaign")).isEqualTo("q4-demo");

        // The same event again (redelivery), then the lead announced assigned under a new event id.
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadAssigned", value);
        await().atMost(DEADLINE).until(() -> duplicates() > duplicatesBefore);
        String repeatId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, leadId, repeatId, "LeadAssigned",
                leadAssigned(leadId, repeatId, UUID.randomUUID().toString(), capturedAt.plusSeconds(1)));
        await().atMost(DEADLINE).until(() -> !rows("select 1 from inbox where consumer = 'sla' and event_id = $1",
                UUID.fromString(repeatId)).isEmpty());

        Row after = clockOf(leadId);
        assertThat(after.getUUID("id")).isEqualTo(clock.getUUID("id"));
        assertThat(after.getOffsetDateTime("due_at").toInstant()).isEqualTo(capturedAt.plus(FIRST_TOUCH));
    }

    @Test
    void anUntouchedLeadIsWarnedThenBreachesExactlyOnceWithContractValidEvents() throws Throwable {
        String leadId = UUID.randomUUID().toString();
        String assignmentId = UUID.randomUUID().toString();
        // Half the test policy's 10 s gone: the at-risk warning is due at once, the deadline in about 4 s.
        Instant capturedAt = now().minus(FIRST_TOUCH.dividedBy(2)).minusMillis(900);

        try (TopicProbe slaTopic = TopicProbe.on(bootstrap, "leads.sla.v1")) {
            assign(leadId, assignmentId, capturedAt);
            ConsumerRecord<String, String> warning = slaTopic.awaitOne(keyed(leadId, "SlaAtRisk"), DEADLINE);
            assertThat(EventContracts.violations("SlaAtRisk", warning.value())).isEmpty();
            JsonNode atRisk = mapper.readTree(warning.value());
            assertThat(atRisk.get("sdrId").asText()).isEqualTo("sdr-7");
            assertThat(atRisk.get("policyId").asText()).isEqualTo("test");
            assertThat(Instant.parse(atRisk.get("dueAt").asText())).isEqualTo(capturedAt.plus(FIRST_TOUCH));

            ConsumerRecord<String, String> record = slaTopic.awaitOne(keyed(leadId, "SlaBreached"), DEADLINE);
            assertThat(EventContracts.violations("SlaBreached", record.value())).isEmpty();
            JsonNode payload = mapper.readTree(record.value());
            Row clock = clockOf(leadId);
            assertThat(clock.getString("state")).isEqualTo("BREACHED");
            assertThat(payload.get("eventId").asText()).isEqualTo(header(record, "id"));
            assertThat(payload.get("clockId").asText()).isEqualTo(clock.getUUID("id").toString());
            assertThat(payload.get("sdrId").asText()).isEqualTo("sdr-7");
            assertThat(payload.get("assignmentId").asText()).isEqualTo(assignmentId);
            assertThat(payload.get("policyId").asText()).isEqualTo("test");
            assertThat(payload.get("breachNumber").asInt()).isEqualTo(1);
            assertThat(payload.get("action").asText()).isEqualTo("reassign");
            assertThat(Instant.parse(payload.get("startedAt").asText())).isEqualTo(capturedAt);
            Instant due = capturedAt.plus(FIRST_TOUCH);
            Instant breachedAt = Instant.parse(payload.get("breachedAt").asText());
            assertThat(Instant.parse(payload.get("dueAt").asText())).isEqualTo(due);
            assertThat(breachedAt).isEqualTo(clock.getOffsetDateTime("breached_at").toInstant()).isAfterOrEqualTo(due);
            // The promise: a due clock fires within one second of its deadline (the scan runs every 250 ms).
            assertThat(Duration.between(due, breachedAt)).isLessThan(Duration.ofSeconds(1));

            // More scans find nothing left to warn about or breach for this lead.
            VertxContextSupport.subscribeAndAwait(() -> sla.warnAtRiskClocks());
            VertxContextSupport.subscribeAndAwait(() -> sla.breachDueClocks());
            assertThat(breachedEventsOf(leadId)).isEqualTo(1);
            assertThat(rows("select 1 from outbox where aggregateid = $1 and type = 'SlaAtRisk'", leadId)).hasSize(1);
        }
    }

    @Test
    void anAcceptanceAloneIsNoTouchButATouchInTimeMeetsTheClockAndStartsTheFollowUp() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String assignmentId = UUID.randomUUID().toString();
        assign(leadId, assignmentId, now());
        String acceptEventId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, leadId, acceptEventId, "LeadAccepted",
                leadAccepted(leadId, acceptEventId, assignmentId, now()));
        await().atMost(DEADLINE).until(() -> !rows("select 1 from sla_lead where lead_id = $1 and accepted_at is not null",
                UUID.fromString(leadId)).isEmpty());
        assertThat(clockOf(leadId).getString("state")).isEqualTo("RUNNING");

        Instant touchedAt = now();
        touch(leadId, "no_answer", touchedAt);
        awaitClocks(leadId, "MET", "RUNNING");
        List<Row> clocks = clocksOf(leadId);
        assertThat(clocks.get(0).getOffsetDateTime("stopped_at").toInstant()).isEqualTo(touchedAt);
        assertThat(clocks.get(0).getString("stop_reason")).isEqualTo("touched");
        assertThat(clocks.get(1).getString("kind")).isEqualTo("follow-up");
        assertThat(clocks.get(1).getInteger("attempt")).isEqualTo(2);
        assertThat(clocks.get(1).getOffsetDateTime("due_at").toInstant()).isEqualTo(touchedAt.plusSeconds(10));

        // Contact: the chase is over, nothing more runs or breaches.
        touch(leadId, "connected", now());
        awaitClocks(leadId, "MET", "MET");
        assertThat(rows("select attempts, contacted_at from sla_lead where lead_id = $1", UUID.fromString(leadId)))
                .singleElement().satisfies(row -> {
                    assertThat(row.getInteger("attempts")).isEqualTo(2);
                    assertThat(row.getOffsetDateTime("contacted_at")).isNotNull();
                });
        assertThat(breachedEventsOf(leadId)).isZero();
    }

    @Test
    void theNewHolderOfABreachedLeadGetsAFreshClockAndTheSecondBreachEscalates() throws Throwable {
        String leadId = UUID.randomUUID().toString();
        try (TopicProbe slaTopic = TopicProbe.on(bootstrap, "leads.sla.v1")) {
            assign(leadId, UUID.randomUUID().toString(), now().minus(FIRST_TOUCH).minusSeconds(1));
            slaTopic.awaitOne(keyed(leadId, "SlaBreached"), DEADLINE);

            // Routing moves it; the new holder gets the same 10 s from the move, and misses them too.
            Instant movedAt = now().minus(FIRST_TOUCH).minusSeconds(1);
            reassign(leadId, "sdr-8", movedAt);
            slaTopic.await(keyed(leadId, "SlaBreached"), 2, DEADLINE);
            ConsumerRecord<String, String> escalated = slaTopic.awaitOne(keyed(leadId, "SlaEscalated"), DEADLINE);
            assertThat(EventContracts.violations("SlaEscalated", escalated.value())).isEmpty();
            assertThat(mapper.readTree(escalated.value()).get("sdrId").asText()).isEqualTo("sdr-8");
            assertThat(mapper.readTree(escalated.value()).get("breaches").asInt()).isEqualTo(2);
        }
        List<Row> clocks = clocksOf(leadId);
        assertThat(clocks).extracting(row -> row.getString("state")).containsExactly("BREACHED", "BREACHED");
        assertThat(clocks.get(1).getString("sdr_id")).isEqualTo("sdr-8");
        assertThat(clocks.get(1).getInteger("breach_number")).isEqualTo(2);
        assertThat(rows("select payload ->> 'action' as action from outbox where aggregateid = $1 and type = 'SlaBreached' "
                + "order by (payload ->> 'breachNumber')::int", leadId))
                .extracting(row -> row.getString("action")).containsExactly("reassign", "escalate");
    }

    @Test
    void aReassignmentCallsTheRunningClockOffAndAClosedLeadOwesNothing() throws Exception {
        String leadId = UUID.randomUUID().toString();
        assign(leadId, UUID.randomUUID().toString(), now());
        awaitClock(leadId, "RUNNING");
        Instant movedAt = now();
        reassign(leadId, "sdr-9", movedAt);
        awaitClocks(leadId, "CANCELLED", "RUNNING");
        Row fresh = clocksOf(leadId).get(1);
        assertThat(fresh.getString("sdr_id")).isEqualTo("sdr-9");
        assertThat(fresh.getOffsetDateTime("started_at").toInstant()).isEqualTo(movedAt);
        assertThat(clocksOf(leadId).get(0).getString("stop_reason")).isEqualTo("reassigned");

        String eventId = UUID.randomUUID().toString();
        ObjectNode nurtured = (ObjectNode) mapper.readTree(EventContracts.example("LeadNurtured"));
        nurtured.put("leadId", leadId).put("eventId", eventId);
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadNurtured", nurtured.toString());
        awaitClocks(leadId, "CANCELLED", "CANCELLED");
        assertThat(clocksOf(leadId).get(1).getString("stop_reason")).isEqualTo("nurtured");
    }

    @Test
    void thePolicysAttemptsUsedWithoutContactSendTheLeadToNurture() throws Throwable {
        String leadId = UUID.randomUUID().toString();
        assign(leadId, UUID.randomUUID().toString(), now());
        awaitClock(leadId, "RUNNING");
        try (TopicProbe slaTopic = TopicProbe.on(bootstrap, "leads.sla.v1")) {
            touch(leadId, "no_answer", now());
            awaitClocks(leadId, "MET", "RUNNING");
            touch(leadId, "left_voicemail", now());
            awaitClocks(leadId, "MET", "MET", "RUNNING");
            touch(leadId, "no_answer", now()); // the test policy's third and last attempt

            ConsumerRecord<String, String> record = slaTopic.awaitOne(keyed(leadId, "SlaAttemptsExhausted"), DEADLINE);
            assertThat(EventContracts.violations("SlaAttemptsExhausted", record.value())).isEmpty();
            JsonNode payload = mapper.readTree(record.value());
            assertThat(payload.get("attempts").asInt()).isEqualTo(3);
            assertThat(payload.get("reason").asText()).isEqualTo("no_response");
        }
        awaitClocks(leadId, "MET", "MET", "MET");
        assertThat(rows("select close_reason from sla_lead where lead_id = $1", UUID.fromString(leadId)))
                .singleElement().satisfies(row -> assertThat(row.getString("close_reason")).isEqualTo("attempts_exhausted"));
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
