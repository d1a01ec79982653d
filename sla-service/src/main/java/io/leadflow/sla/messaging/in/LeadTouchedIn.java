package io.leadflow.sla.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The SLA service's trimmed copy of LeadTouched: an attempt to reach the person, and what came of it. */
public record LeadTouchedIn(UUID assignmentId, String sdrId, String channel, String outcome, Instant touchedAt) {

    public LeadTouchedIn {
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(touchedAt, "touchedAt");
    }
}
