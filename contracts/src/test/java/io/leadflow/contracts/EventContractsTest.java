package io.leadflow.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    static final java.util.List<String> EVENT_TYPES = EventContracts.EVENT_TYPES;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void everyExampleSatisfiesItsSchema(String eventType) {
        assertThat(EventContracts.violations(eventType, EventContracts.example(eventType))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void everySchemaNamesAVersionedTopicOfOneService(String eventType) {
        assertThat(EventContracts.topicOf(eventType)).matches("leads\\.(capture|enrichment|scoring|routing|sla|crm)\\.v1"
                // a CRM connection's dead-letter topic, one per connection
                + "|leads\\.crm\\.<connection>\\.dlq\\.v1");
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void anEventWithoutItsLeadIdIsRejected(String eventType) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example(eventType));
        event.remove("leadId");
        assertThat(EventContracts.violations(eventType, event.toString())).anySatisfy(v -> assertThat(v).contains("leadId"));
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void aMalformedTimestampIsRejected(String eventType) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example(eventType));
        event.put("occurredAt", "yesterday");
        assertThat(EventContracts.violations(eventType, event.toString())).anySatisfy(v -> assertThat(v).contains("occurredAt"));
    }

    @ParameterizedTest
    @FieldSource("EVENT_TYPES")
    void theEventTypeInThePayloadMustMatch(String eventType) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example(eventType));
        event.put("eventType", "SomethingElse");
        assertThat(EventContracts.violations(eventType, event.toString())).isNotEmpty();
    }
}
