package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Engagements re-score their lead in event time, and a lead crossing the MQL threshold is announced once. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class EngagementScoringTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool db;
    @Inject
    MeterRegistry meters;

    private double applied(String type) {
        var counter = meters.find("leadflow.events.consumed")
                .tags("consumer", "scoring-capture", "type", type, "outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    private ObjectNode engaged(String leadId, String firstId, String secondId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadEngaged"));
        event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        ArrayNode items = (ArrayNode) event.get("engagements");
        ((ObjectNode) items.get(0)).put("engagementId", firstId);
        ((ObjectNode) items.get(1)).put("engagementId", secondId);
        return event;
    }

    private long mqlEvents(String leadId) {
        return Sql.rows(db, "select count(*) from outbox where aggregateid = $1 and type = 'LeadMarketingQualified'", leadId)
                .get(0).getLong(0);
    }

    @Test
    void aPricingVisitTakesAWarmLeadOverTheMqlThresholdOnceOnly() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode enriched = (ObjectNode) mapper.readTree(EventContracts.example("LeadEnriched"));
        enriched.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) enriched.get("lead")).put("formId", "newsletter"); // no demo request: fit only

        try (TopicProbe scoring = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, enriched.get("eventId").asText(), "LeadEnriched",
                    enriched.toString());
            JsonNode first = mapper.readTree(scoring.awaitOne(keyed(leadId, "LeadScored"), DEADLINE).value());
            assertThat(first.at("/score/mql").asBoolean()).isFalse();
            assertThat(first.at("/score/value").asInt()).isLessThan(60);
            assertThat(first.at("/score/grade").asText()).endsWith("4"); // no engagement yet

            ObjectNode visits = engaged(leadId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, visits.get("eventId").asText(), "LeadEngaged", visits.toString());
            List<ConsumerRecord<String, String>> scored = scoring.await(keyed(leadId, "LeadScored"), 2, DEADLINE);
            JsonNode second = mapper.readTree(scored.get(1).value());
            assertThat(EventContracts.violations("LeadScored", scored.get(1).value())).isEmpty();
            assertThat(second.at("/score/value").asInt()).isGreaterThanOrEqualTo(60);
            assertThat(second.at("/score/mql").asBoolean()).isTrue();
            assertThat(second.at("/score/engagement").asInt()).isPositive();
            assertThat(second.at("/score/reasons").findValuesAsText("rule")).contains("pricing-page");
            // The model reads the lead's engagements too, counted per type.
            JsonNode attributes = mapper.readTree(Sql.rows(db, "select attributes from lead_score where lead_id = $1",
                    UUID.fromString(leadId)).get(0).getString(0));
            assertThat(attributes.get("engagement.pricing_page_visit").asInt()).isEqualTo(1);
            assertThat(attributes.get("engagement.page_view").asInt()).isEqualTo(1);

            String qualified = scoring.awaitOne(keyed(leadId, "LeadMarketingQualified"), DEADLINE).value();
            assertThat(EventContracts.violations("LeadMarketingQualified", qualified)).isEmpty();
            JsonNode mql = mapper.readTree(qualified);
            assertThat(mql.get("trigger").asText()).isEqualTo("engaged");
            assertThat(mql.get("threshold").asInt()).isEqualTo(60);

            // The same engagements again (a redelivered batch under a new event id): counted once, nothing new emitted.
            double before = applied("LeadEngaged");
            JsonNode items = visits.get("engagements");
            ObjectNode again = engaged(leadId, items.get(0).get("engagementId").asText(), items.get(1).get("engagementId").asText());
            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, again.get("eventId").asText(), "LeadEngaged", again.toString());
            await().atMost(DEADLINE).until(() -> applied("LeadEngaged") > before);
            assertThat(Sql.rows(db, "select count(*) from lead_engagement where lead_id = $1", UUID.fromString(leadId))
                    .get(0).getLong(0)).isEqualTo(2);
            assertThat(mqlEvents(leadId)).isEqualTo(1);
            assertThat(Sql.rows(db, "select count(*) from outbox where aggregateid = $1 and type = 'LeadScored'", leadId)
                    .get(0).getLong(0)).isEqualTo(2);
        }
    }
}
