package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the SDRs find out reaches scoring from leads.routing.v1: a touch the person answered is a reply (intent) that
 * re-scores the lead, a touch nobody answered changes nothing, a disqualification is recorded as an outcome.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class RoutingSignalsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ROUTING = "leads.routing.v1";

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
                .tags("consumer", "scoring-routing", "type", type, "outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    private ObjectNode touched(String leadId, String touchId, String outcome) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadTouched"));
        return event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString())
                .put("touchId", touchId).put("outcome", outcome);
    }

    private void send(ObjectNode event) {
        TopicProbe.send(bootstrap, ROUTING, event.get("leadId").asText(), event.get("eventId").asText(),
                event.get("eventType").asText(), event.toString());
    }

    private long count(String sql, Object... params) {
        return Sql.rows(db, sql, params).get(0).getLong(0);
    }

    @Test
    void aReplyToTheSdrIsIntentThatReScoresTheLeadOnceAndAnUnansweredCallIsNothing() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode enriched = (ObjectNode) mapper.readTree(EventContracts.example("LeadEnriched"));
        enriched.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) enriched.get("lead")).put("formId", "newsletter"); // fit only: no intent yet

        try (TopicProbe scoring = TopicProbe.on(bootstrap, "leads.scoring.v1")) {
            TopicProbe.send(bootstrap, "leads.enrichment.v1", leadId, enriched.get("eventId").asText(), "LeadEnriched",
                    enriched.toString());
            JsonNode first = mapper.readTree(scoring.awaitOne(keyed(leadId, "LeadScored"), DEADLINE).value());
            assertThat(first.at("/score/intent").asInt()).isZero();

            // Nobody picked up: applied, nothing stored, nothing emitted.
            double before = applied("LeadTouched");
            send(touched(leadId, UUID.randomUUID().toString(), "no_answer"));
            await().atMost(DEADLINE).until(() -> applied("LeadTouched") > before);
            assertThat(count("select count(*) from lead_engagement where lead_id = $1", UUID.fromString(leadId))).isZero();

            // The call connected: a reply, at the time of the call.
            String touchId = UUID.randomUUID().toString();
            ObjectNode connected = touched(leadId, touchId, "connected");
            assertThat(EventContracts.violations("LeadTouched", connected.toString())).isEmpty();
            send(connected);
            List<ConsumerRecord<String, String>> scored = scoring.await(keyed(leadId, "LeadScored"), 2, DEADLINE);
            String rescored = scored.get(1).value();
            assertThat(EventContracts.violations("LeadScored", rescored)).isEmpty();
            JsonNode second = mapper.readTree(rescored);
            assertThat(second.at("/score/intent").asInt()).isEqualTo(20);
            assertThat(second.at("/score/value").asInt()).isGreaterThan(first.at("/score/value").asInt());
            assertThat(second.at("/score/reasons").findValuesAsText("rule")).contains("replied-to-sdr");
            assertThat(Sql.rows(db, "select type, occurred_at from lead_engagement where engagement_id = $1",
                    UUID.fromString(touchId)).get(0).getString(0)).isEqualTo("reply");

            // The same touch logged again (a redelivery under a new event id): counted once, no new score.
            double again = applied("LeadTouched");
            send(touched(leadId, touchId, "connected"));
            await().atMost(DEADLINE).until(() -> applied("LeadTouched") > again);
            assertThat(count("select count(*) from lead_engagement where lead_id = $1", UUID.fromString(leadId))).isEqualTo(1);
            assertThat(count("select count(*) from outbox where aggregateid = $1 and type = 'LeadScored'", leadId))
                    .isEqualTo(2);
        }
    }

    @Test
    void aDisqualificationIsRecordedWithItsLatestReason() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadDisqualified"));
        event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        assertThat(EventContracts.violations("LeadDisqualified", event.toString())).isEmpty();
        send(event);
        await().atMost(DEADLINE).until(() -> count("select count(*) from lead_disqualification where lead_id = $1",
                UUID.fromString(leadId)) == 1);

        ObjectNode later = event.deepCopy().put("eventId", UUID.randomUUID().toString()).put("reason", "competitor");
        send(later);
        await().atMost(DEADLINE).until(() -> "competitor".equals(Sql.rows(db,
                "select reason from lead_disqualification where lead_id = $1", UUID.fromString(leadId)).get(0).getString(0)));
    }

    @Test
    void aTouchWithoutItsIdGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode event = touched(leadId, UUID.randomUUID().toString(), "replied");
        event.remove("touchId");
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.routing.v1.scoring.dlq")) {
            send(event);
            assertThat(header(dlq.awaitOne(keyed(leadId), DEADLINE), "dead-letter-reason")).contains("touchId");
        }
        assertThat(count("select count(*) from lead_engagement where lead_id = $1", UUID.fromString(leadId))).isZero();
    }
}
