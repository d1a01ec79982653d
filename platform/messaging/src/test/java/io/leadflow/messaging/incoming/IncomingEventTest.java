package io.leadflow.messaging.incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LEAD = "0193a5b0-0000-7000-8000-0000000000aa";
    private static final String ID = "0193a5b0-7c1e-7a11-8000-000000000001";

    record Trimmed(String email) {
    }

    private static ConsumerRecord<String, String> record(String key, String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("leads.capture.v1", 3, 42L, key, value);
        if (id != null) {
            record.headers().add("id", id.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String payload(String type, String leadId) {
        return """
                {"eventId":"%s","eventType":"%s","leadId":"%s","occurredAt":"2026-11-22T09:15:02.113Z","email":"ada@acme.io"}
                """.formatted(ID, type, leadId);
    }

    @Test
    void readsIdTypeAndLeadFromTheRelayedRecord() {
        IncomingEvent event = IncomingEvent.parse(record(LEAD, ID, "LeadCaptured", payload("LeadCaptured", LEAD)), MAPPER);

        assertThat(event.eventId()).isEqualTo(UUID.fromString(ID));
        assertThat(event.eventType()).isEqualTo("LeadCaptured");
        assertThat(event.leadId()).isEqualTo(UUID.fromString(LEAD));
        assertThat(event.occurredAt()).hasToString("2026-11-22T09:15:02.113Z");
        assertThat(event.as(Trimmed.class).email()).isEqualTo("ada@acme.io");
        assertThat(event.partition()).isEqualTo(3);
        assertThat(event.offset()).isEqualTo(42L);
    }

    @Test
    void aRecordWithoutTheIdHeaderIsPoison() {
        assertThatThrownBy(() -> IncomingEvent.parse(record(LEAD, null, "LeadCaptured", payload("LeadCaptured", LEAD)), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("missing header");
    }

    @Test
    void aPayloadThatIsNotJsonIsPoison() {
        assertThatThrownBy(() -> IncomingEvent.parse(record(LEAD, ID, "LeadCaptured", "{not json"), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("not JSON");
    }

    @Test
    void aDoubleEncodedPayloadIsPoison() throws Exception {
        String doubleEncoded = MAPPER.writeValueAsString(payload("LeadCaptured", LEAD));
        assertThatThrownBy(() -> IncomingEvent.parse(record(LEAD, ID, "LeadCaptured", doubleEncoded), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void aHeaderTypeThatContradictsThePayloadIsPoison() {
        assertThatThrownBy(() -> IncomingEvent.parse(record(LEAD, ID, "LeadScored", payload("LeadCaptured", LEAD)), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("contradicts");
    }

    @Test
    void aKeyThatIsNotThePayloadsLeadIsPoison() {
        String otherLead = UUID.randomUUID().toString();
        assertThatThrownBy(() -> IncomingEvent.parse(record(otherLead, ID, "LeadCaptured", payload("LeadCaptured", LEAD)), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("record key");
    }
}
