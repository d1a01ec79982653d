package io.leadflow.routing.messaging.in;

import java.util.Objects;

/** Routing's trimmed copy of SlaAttemptsExhausted: the policy's attempts are used without contact. */
public record SlaAttemptsExhaustedIn(String policyId, String sdrId, int attempts, String reason) {

    public SlaAttemptsExhaustedIn {
        Objects.requireNonNull(policyId, "policyId");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }
}
