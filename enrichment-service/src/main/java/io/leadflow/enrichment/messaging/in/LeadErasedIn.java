package io.leadflow.enrichment.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** Enrichment's trimmed copy of LeadErased: the person's data must go. */
public record LeadErasedIn(Instant erasedAt) {

    public LeadErasedIn {
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
