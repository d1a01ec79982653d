package io.leadflow.scoring.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** Scoring's trimmed copy of LeadErased: the person's data must go. */
public record LeadErasedIn(Instant erasedAt) {

    public LeadErasedIn {
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
