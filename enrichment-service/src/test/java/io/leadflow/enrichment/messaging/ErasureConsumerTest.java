package io.leadflow.enrichment.messaging;

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
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** LeadErased: enrichment forgets what it derived and published, and never enriches the lead again. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
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

    private void send(String type, String leadId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        String eventId = UUID.randomUUID().toString();
        event.put("leadId", leadId).put("eventId", eventId);
        TopicProbe.send(bootstrap, "leads.capture.v1", leadId, eventId, type, event.toString());
    }

    private double erasedOutcomes() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "enrichment", "outcome", "erased").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anErasedLeadLosesItsEnrichmentAndItsOutboxRowsAndIsNeverEnrichedAgain() throws Exception {
        String leadId = UUID.randomUUID().toString();
        UUID lead = UUID.fromString(leadId);
        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            send("LeadCaptured", leadId);
            enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE);
        }
        assertThat(rows("select 1 from lead_enrichment where lead_id = $1", lead)).hasSize(1);

        send("LeadErased", leadId);
        await().atMost(DEADLINE).until(() -> rows("select 1 from erased_lead where lead_id = $1", lead).size() == 1);
        assertThat(rows("select 1 from lead_enrichment where lead_id = $1", lead)).isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).as("LeadEnriched held the lead").isEmpty();

        // A LeadCaptured of the erased lead read again (a replay, a redelivery under a new id): not applied.
        double before = erasedOutcomes();
        send("LeadCaptured", leadId);
        await().atMost(DEADLINE).until(() -> erasedOutcomes() > before);
        assertThat(rows("select 1 from lead_enrichment where lead_id = $1", lead)).isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }
}
