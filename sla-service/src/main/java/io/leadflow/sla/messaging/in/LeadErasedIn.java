package io.leadflow.sla.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** The SLA service's trimmed copy of LeadErased. */
public record LeadErasedIn(Instant erasedAt) {

    public LeadErasedIn {
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
