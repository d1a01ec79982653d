package io.leadflow.messaging.incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * One event as read from a Leadflow topic: the id and type from the headers the outbox relay
 * sets, the lead id from the record key, and the JSON payload. Consumers map the payload to
 * their own trimmed records with {@link #as(Class)} (tolerant reader: unknown fields are ignored).
 */
public record IncomingEvent(UUID eventId, String eventType, UUID leadId, Instant occurredAt, JsonNode payload,
                            String topic, int partition, long offset, ObjectMapper mapper) {

    /** Parses a record; anything malformed is a {@link PoisonEventException}, never a silent skip. */
    public static IncomingEvent parse(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String id = header(record, "id");
        String eventType = header(record, "eventType");
        if (id == null || eventType == null) {
            throw new PoisonEventException("missing header 'id' or 'eventType' at " + where);
        }
        if (record.value() == null) {
            throw new PoisonEventException("empty payload at " + where);
        }
        JsonNode payload;
        try {
            payload = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload is not JSON at " + where + ": " + e.getOriginalMessage(), e);
        }
        if (payload == null || !payload.isObject()) {
            throw new PoisonEventException("payload is not a JSON object at " + where);
        }
        if (!eventType.equals(payload.path("eventType").asText(eventType))) {
            throw new PoisonEventException("header eventType " + eventType + " contradicts payload eventType "
                    + payload.path("eventType").asText() + " at " + where);
        }
        UUID eventId = uuid(id, "header id", where);
        UUID leadId = uuid(payload.path("leadId").asText(record.key()), "leadId", where);
        if (record.key() != null && !record.key().equals(leadId.toString())) {
            throw new PoisonEventException("record key " + record.key() + " is not the payload's leadId at " + where);
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(payload.path("occurredAt").asText());
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("occurredAt is not an ISO-8601 instant at " + where, e);
        }
        return new IncomingEvent(eventId, eventType, leadId, occurredAt, payload,
                record.topic(), record.partition(), record.offset(), mapper);
    }

    /** The record's {@code eventType} header, unparsed and unchecked; null when there is none. */
    public static String eventTypeHeader(ConsumerRecord<String, String> record) {
        return header(record, "eventType");
    }

    /** Maps the payload to a consumer's own record; a payload that does not fit is poison. */
    public <T> T as(Class<T> type) {
        try {
            // Tolerant reader whatever the injected mapper says: producers may add fields at any time.
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new PoisonEventException(eventType + " " + eventId + " does not fit " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value, String what, String where) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(what + " is not a UUID at " + where + ": " + value);
        }
    }
}
