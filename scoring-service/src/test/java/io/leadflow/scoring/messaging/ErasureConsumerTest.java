package io.leadflow.scoring.messaging;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** LeadErased, read from leads.capture.v1: the score stays, the person's traces in it go, and the lead is never scored again. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ErasureConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool db;
    @Inject
    MeterRegistry meters;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private void send(String topic, String type, String leadId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        String eventId = UUID.randomUUID().toString();
        event.put("leadId", leadId).put("eventId", eventId);
        TopicProbe.send(bootstrap, topic, leadId, eventId, type, event.toString());
    }

    private double outcomes(String consumer, String outcome) {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", consumer, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anErasedLeadKeepsItsScoreWithoutEvidenceAndALateEnrichmentIsNotApplied() throws Exception {
        String leadId = UUID.randomUUID().toString();
        UUID lead = UUID.fromString(leadId);
        send("leads.enrichment.v1", "LeadEnriched", leadId);
        await().atMost(DEADLINE).until(() -> rows("select 1 from lead_score where lead_id = $1", lead).size() == 1);
        assertThat(rows("select reasons from lead_score where lead_id = $1", lead).get(0).getString("reasons")).contains("seniority=vp");

        double ignoredBefore = outcomes("scoring-capture", "ignored");
        send("leads.capture.v1", "LeadCaptured", leadId);
        send("leads.capture.v1", "LeadErased", leadId);
        await().atMost(DEADLINE).until(() -> rows("select 1 from erased_lead where lead_id = $1", lead).size() == 1);
        assertThat(outcomes("scoring-capture", "ignored")).isGreaterThan(ignoredBefore);

        Row score = rows("select score, grade, reasons from lead_score where lead_id = $1", lead).get(0);
        assertThat(score.getInteger("score")).isEqualTo(75);
        assertThat(score.getString("grade")).isEqualTo("A4");
        JsonNode reasons = mapper.readTree(score.getString("reasons"));
        assertThat(reasons).isNotEmpty().allSatisfy(reason -> {
            assertThat(reason.get("rule").asText()).isNotBlank();
            assertThat(reason.get("evidence").isNull()).isTrue();
        });
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).as("LeadScored held the lead").isEmpty();

        // LeadEnriched relayed before the erasure, read after it (another topic): not applied.
        double erasedBefore = outcomes("scoring-enrichment", "erased");
        send("leads.enrichment.v1", "LeadEnriched", leadId);
        await().atMost(DEADLINE).until(() -> outcomes("scoring-enrichment", "erased") > erasedBefore);
        assertThat(rows("select reasons from lead_score where lead_id = $1", lead).get(0).getString("reasons")).doesNotContain("seniority=vp");
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }

    @Test
    void aLeadErasedBeforeScoringSawItIsNeverScored() throws Exception {
        String leadId = UUID.randomUUID().toString();
        send("leads.capture.v1", "LeadErased", leadId);
        await().atMost(DEADLINE).until(() -> rows("select 1 from erased_lead where lead_id = $1", UUID.fromString(leadId)).size() == 1);

        double erasedBefore = outcomes("scoring-enrichment", "erased");
        send("leads.enrichment.v1", "LeadEnriched", leadId);
        await().atMost(DEADLINE).until(() -> outcomes("scoring-enrichment", "erased") > erasedBefore);
        assertThat(rows("select 1 from lead_score where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
    }
}
