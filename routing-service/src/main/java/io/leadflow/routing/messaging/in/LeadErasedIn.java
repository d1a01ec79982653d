package io.leadflow.routing.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** Routing's trimmed copy of LeadErased. */
public record LeadErasedIn(Instant erasedAt) {

    public LeadErasedIn {
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
