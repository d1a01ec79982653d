package io.leadflow.routing.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Routing's trimmed copy of SlaBreached: which deadline the lead's holder missed, who they were, what the policy wants. */
public record SlaBreachedIn(String kind, String sdrId, UUID assignmentId, Instant dueAt, Instant breachedAt,
                            String action) {

    public SlaBreachedIn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
        if (action != null && !"reassign".equals(action) && !"escalate".equals(action)) {
            throw new IllegalArgumentException("action must be reassign or escalate, got " + action);
        }
    }

    /** The policy's word on escalation; empty for an event from before policies said it. */
    public java.util.Optional<Boolean> escalate() {
        return java.util.Optional.ofNullable(action).map("escalate"::equals);
    }
}
