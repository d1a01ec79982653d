package io.leadflow.sla.messaging.out;

import io.leadflow.sla.domain.SlaClock;

import java.time.Instant;
import java.util.UUID;

/** The body of SlaBreached on leads.sla.v1 (contract: contracts/.../SlaBreached.schema.json). */
public record SlaBreached(UUID clockId, String kind, String sdrId, UUID assignmentId, Instant startedAt,
                          Instant dueAt, Instant breachedAt) {

    public static final String TYPE = "SlaBreached";

    public static SlaBreached of(SlaClock clock) {
        return new SlaBreached(clock.id, clock.kind, clock.sdrId, clock.assignmentId, clock.startedAt,
                clock.dueAt, clock.breachedAt);
    }
}
