package io.leadflow.messaging.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends domain events to the service's outbox table inside the caller's reactive transaction.
 * Nothing here talks to Kafka: Debezium relays committed rows, so an event exists if and only if
 * the state change that caused it committed.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at)
            values (cast(:id as uuid), :aggregateType, :leadId, :type, cast(cast(:payload as text) as jsonb), cast(cast(:occurredAt as text) as timestamptz))
            """;
    // The double casts make the driver bind text: a bare jsonb cast of a String parameter would
    // store a JSON string (double encoding) rather than the object.

    /** The same row through the reactive SQL client: positional parameters, prepared once per connection. */
    private static final String INSERT_POSITIONAL = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at)
            values ($1, $2, $3, $4, cast(cast($5 as text) as jsonb), $6)
            """;

    private final ObjectMapper mapper;
    private final String aggregateType;

    public Outbox(ObjectMapper mapper, @ConfigProperty(name = "leadflow.outbox.aggregate-type") String aggregateType) {
        this.mapper = mapper;
        this.aggregateType = aggregateType;
    }

    /**
     * Writes one event. Must run inside a transaction ({@code Panache.withTransaction} or
     * {@code @WithTransaction}); the payload is the envelope (eventId, eventType, leadId, occurredAt)
     * followed by the fields of {@code body}.
     */
    public Uni<OutboxEvent> append(String eventType, UUID leadId, Object body) {
        OutboxEvent event = toEvent(eventType, leadId, body, Instant.now());
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", event.id().toString())
                        .setParameter("aggregateType", aggregateType)
                        .setParameter("leadId", event.leadId())
                        .setParameter("type", event.eventType())
                        .setParameter("payload", event.payload())
                        .setParameter("occurredAt", event.occurredAt().toString())
                        .executeUpdate())
                .replaceWith(event);
    }

    /**
     * Writes one event on a connection of the reactive SQL client, in the transaction the caller opened on it
     * ({@code Pool.withTransaction}). For hot paths that write their state in plain SQL rather than through
     * Hibernate: the row and the payload are exactly those of {@link #append(String, UUID, Object)}. The statement
     * is queued on the connection when subscribed, so it can be pipelined with the caller's own statements.
     */
    public Uni<OutboxEvent> append(SqlClient connection, String eventType, UUID leadId, Object body) {
        return append(connection, aggregateType, eventType, leadId, body);
    }

    /**
     * As {@link #append(SqlClient, String, UUID, Object)}, to another aggregate type than the service's, that is
     * another topic ({@code leads.<aggregateType>.v1}): for a dead-letter topic fed from the service's own state.
     */
    public Uni<OutboxEvent> append(SqlClient connection, String aggregateType, String eventType, UUID leadId, Object body) {
        OutboxEvent event = toEvent(eventType, leadId, body, Instant.now());
        return connection.preparedQuery(INSERT_POSITIONAL)
                .execute(Tuple.of(event.id(), aggregateType, event.leadId(), event.eventType(), event.payload(),
                        event.occurredAt().atOffset(ZoneOffset.UTC)))
                .replaceWith(event);
    }

    /**
     * Right to erasure: deletes the lead's outbox rows (their payloads may hold the person's data), in
     * the caller's transaction. Safe for delivery: a committed row is relayed from the WAL, which keeps
     * the row as it was inserted, so an event not relayed yet still is, in order, before anything this
     * transaction appends; the Outbox Event Router ignores the deletes. Completes with the rows deleted.
     */
    public Uni<Integer> forget(UUID leadId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from outbox where aggregateid = :leadId")
                        .setParameter("leadId", leadId.toString())
                        .executeUpdate());
    }

    OutboxEvent toEvent(String eventType, UUID leadId, Object body, Instant now) {
        // Microseconds: what PostgreSQL keeps, so the row and the payload say the same instant.
        Instant occurredAt = now.truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        ObjectNode payload = mapper.createObjectNode()
                .put("eventId", id.toString())
                .put("eventType", eventType)
                .put("leadId", leadId.toString())
                .put("occurredAt", occurredAt.toString());
        JsonNode fields = mapper.valueToTree(body);
        if (!fields.isObject()) {
            throw new IllegalArgumentException("an event body must be a JSON object, got " + fields.getNodeType());
        }
        fields.properties().forEach(field -> {
            if (!payload.has(field.getKey())) {
                payload.set(field.getKey(), field.getValue());
            }
        });
        return new OutboxEvent(id, eventType, leadId.toString(), occurredAt, payload.toString());
    }
}
