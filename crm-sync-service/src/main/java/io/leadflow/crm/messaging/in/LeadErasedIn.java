package io.leadflow.crm.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** CRM sync's trimmed copy of LeadErased. */
public record LeadErasedIn(Instant erasedAt) {

    public LeadErasedIn {
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
