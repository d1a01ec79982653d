package io.leadflow.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** An event as written to the outbox: its id becomes the Kafka header {@code id}, leadId the record key. */
public record OutboxEvent(UUID id, String eventType, String leadId, Instant occurredAt, String payload) {
}
