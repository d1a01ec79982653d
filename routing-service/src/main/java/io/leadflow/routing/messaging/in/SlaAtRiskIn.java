package io.leadflow.routing.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Routing's trimmed copy of SlaAtRisk: whose deadline is near, for which action, and when it falls. */
public record SlaAtRiskIn(String kind, int attempt, String policyId, String sdrId, UUID assignmentId, Instant dueAt) {

    public SlaAtRiskIn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** What the SDR owes: "the first touch" or "follow-up attempt 3". */
    public String owed() {
        return "first-touch".equals(kind) ? "the first touch" : "follow-up attempt " + attempt;
    }
}
