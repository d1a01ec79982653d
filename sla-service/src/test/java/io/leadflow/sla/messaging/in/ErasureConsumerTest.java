package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.testing.ContractEvents;
import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** LeadErased: a running clock stops for good, finished clocks stay for the KPIs, a late assignment starts nothing. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class ErasureConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private void assign(String leadId, Instant capturedAt) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadAssigned"));
        String eventId = UUID.randomUUID().toString();
        event.put("leadId", leadId).put("eventId", eventId).put("assignmentId", UUID.randomUUID().toString());
        ((ObjectNode) event.get("lead")).put("capturedAt", capturedAt.toString());
        TopicProbe.send(bootstrap, "leads.routing.v1", leadId, eventId, "LeadAssigned", event.toString());
    }

    private void erase(String leadId) {
        ContractEvents.sendLeadErased(bootstrap, leadId);
    }

    private void awaitClock(String leadId, String state) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from sla_clock where lead_id = $1 and state = $2",
                UUID.fromString(leadId), state).size() == 1);
    }

    private void awaitErased(String leadId) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from erased_lead where lead_id = $1", UUID.fromString(leadId)).size() == 1);
    }

    private double erasedOutcomes() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "sla", "outcome", "erased").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRunningClockOfAnErasedLeadIsDroppedAndALateAssignmentStartsNone() throws Exception {
        String leadId = UUID.randomUUID().toString();
        assign(leadId, Instant.now().truncatedTo(ChronoUnit.MICROS));
        awaitClock(leadId, "RUNNING");

        erase(leadId);
        awaitErased(leadId);
        assertThat(rows("select 1 from sla_clock where lead_id = $1", UUID.fromString(leadId))).isEmpty();

        double before = erasedOutcomes();
        assign(leadId, Instant.now().truncatedTo(ChronoUnit.MICROS));
        await().atMost(DEADLINE).until(() -> erasedOutcomes() > before);
        assertThat(rows("select 1 from sla_clock where lead_id = $1", UUID.fromString(leadId))).isEmpty();
    }

    @Test
    void aBreachedClockStaysForTheKpisWithoutItsOutboxRows() throws Exception {
        String leadId = UUID.randomUUID().toString();
        assign(leadId, Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS));
        awaitClock(leadId, "BREACHED");
        await().atMost(DEADLINE).until(() -> rows("select 1 from outbox where aggregateid = $1", leadId).size() == 1);

        erase(leadId);
        awaitErased(leadId);
        assertThat(rows("select state from sla_clock where lead_id = $1", UUID.fromString(leadId)))
                .singleElement().satisfies(row -> assertThat(row.getString("state")).isEqualTo("BREACHED"));
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }
}
