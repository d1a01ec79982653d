package io.leadflow.routing.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Routing's trimmed copy of SlaBreached: which deadline the lead's holder missed, and who they were. */
public record SlaBreachedIn(String kind, String sdrId, UUID assignmentId, Instant dueAt, Instant breachedAt) {

    public SlaBreachedIn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
    }
}
