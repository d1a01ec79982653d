package io.leadflow.messaging.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Outbox outbox = new Outbox(mapper, "capture");

    record Body(String email, int score) {
    }

    @Test
    void theEnvelopeComesFirstAndTheBodyFollows() throws Exception {
        UUID lead = UUID.randomUUID();
        OutboxEvent event = outbox.toEvent("LeadCaptured", lead, new Body("ada@acme.io", 7),
                Instant.parse("2026-11-22T09:15:02.113456789Z"));

        JsonNode payload = mapper.readTree(event.payload());
        assertThat(payload.fieldNames()).toIterable()
                .containsExactly("eventId", "eventType", "leadId", "occurredAt", "email", "score");
        assertThat(payload.get("eventId").asText()).isEqualTo(event.id().toString());
        assertThat(payload.get("leadId").asText()).isEqualTo(lead.toString()).isEqualTo(event.leadId());
        assertThat(payload.get("occurredAt").asText()).isEqualTo("2026-11-22T09:15:02.113456Z");
        assertThat(payload.get("email").asText()).isEqualTo("ada@acme.io");
    }

    @Test
    void aBodyCannotOverwriteTheEnvelope() throws Exception {
        record Sneaky(String eventType) {
        }
        OutboxEvent event = outbox.toEvent("LeadCaptured", UUID.randomUUID(), new Sneaky("LeadWon"), Instant.now());
        assertThat(mapper.readTree(event.payload()).get("eventType").asText()).isEqualTo("LeadCaptured");
    }

    @Test
    void everyEventGetsItsOwnId() {
        UUID lead = UUID.randomUUID();
        assertThat(outbox.toEvent("LeadCaptured", lead, new Body("a@b.io", 1), Instant.now()).id())
                .isNotEqualTo(outbox.toEvent("LeadCaptured", lead, new Body("a@b.io", 1), Instant.now()).id());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> outbox.toEvent("LeadCaptured", UUID.randomUUID(), "just text", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
