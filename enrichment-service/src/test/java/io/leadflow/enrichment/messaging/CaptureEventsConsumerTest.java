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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
class CaptureEventsConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    private String leadCaptured(String leadId, String eventId, String email) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadCaptured"));
        return event.put("leadId", leadId).put("eventId", eventId).put("email", email).toString();
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private double duplicates() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "enrichment", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCapturedLeadIsEnrichedOnceEvenWhenItsEventIsDeliveredTwice() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String value = leadCaptured(leadId, eventId, "ada@acme-robotics.com");
        double duplicatesBefore = duplicates();

        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, eventId, "LeadCaptured", value);
            ConsumerRecord<String, String> record = enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE);

            assertThat(EventContracts.violations("LeadEnriched", record.value())).isEmpty();
            var payload = mapper.readTree(record.value());
            assertThat(payload.at("/enrichment/emailClass").asText()).isEqualTo("business");
            assertThat(payload.at("/enrichment/companyDomain").asText()).isEqualTo("acme-robotics.com");
            assertThat(payload.at("/lead/source").asText()).isEqualTo("google");
            // The example's jobTitle is "VP Sales".
            assertThat(payload.at("/enrichment/person/seniority").asText()).isEqualTo("vp");
            assertThat(payload.at("/enrichment/person/department").asText()).isEqualTo("sales");
            assertThat(payload.at("/enrichment/person/decisionMaker").asBoolean()).isTrue();
            assertThat(payload.at("/enrichment/person/source").asText()).isEqualTo("rule:job-title");
            assertThat(payload.at("/enrichment/roleAccount").asBoolean()).isFalse();
            assertThat(payload.at("/enrichment/phone/valid").asBoolean()).isTrue();
            assertThat(payload.at("/enrichment/phone/type").asText()).isEqualTo("fixed_line");
            assertThat(payload.at("/enrichment/phone/country").asText()).isEqualTo("GB");
            assertThat(payload.at("/enrichment/geography/region").asText()).isEqualTo("EMEA");
            assertThat(payload.at("/enrichment/geography/timeZone").asText()).isEqualTo("Europe/London");
            assertThat(payload.at("/enrichment/quality/score").asInt()).isEqualTo(100);
            assertThat(payload.get("eventId").asText()).isEqualTo(header(record, "id"));

            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, eventId, "LeadCaptured", value);
            await().atMost(DEADLINE).until(() -> duplicates() > duplicatesBefore);

            assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).hasSize(1);
            assertThat(rows("select email_class, seniority, department, decision_maker from lead_enrichment where lead_id = $1",
                    UUID.fromString(leadId))).singleElement().satisfies(row -> {
                        assertThat(row.getString("email_class")).isEqualTo("business");
                        assertThat(row.getString("seniority")).isEqualTo("vp");
                        assertThat(row.getString("department")).isEqualTo("sales");
                        assertThat(row.getBoolean("decision_maker")).isTrue();
                    });
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithTheReasonAndChangesNothing() {
        String leadId = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.capture.v1.enrichment.dlq")) {
            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, UUID.randomUUID().toString(), "LeadCaptured", "{not json");

            ConsumerRecord<String, String> dead = dlq.awaitOne(keyed(leadId), DEADLINE);
            assertThat(header(dead, "dead-letter-reason")).contains("not JSON");
            assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).isEmpty();
        }
    }

    @Test
    void anEventTypeNobodyKnowsIsDeadLetteredNotSilentlyDropped() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(leadCaptured(leadId, eventId, "ada@acme-robotics.com"));
        event.put("eventType", "LeadTeleported");
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.capture.v1.enrichment.dlq")) {
            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, eventId, "LeadTeleported", event.toString());

            assertThat(header(dlq.awaitOne(keyed(leadId), DEADLINE), "dead-letter-reason")).contains("unknown event type");
        }
    }
}
