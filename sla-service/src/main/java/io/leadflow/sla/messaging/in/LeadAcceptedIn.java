package io.leadflow.sla.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The SLA service's trimmed copy of LeadAccepted: the first touch that stops the clock. */
public record LeadAcceptedIn(UUID assignmentId, String sdrId, Instant acceptedAt) {

    public LeadAcceptedIn {
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
