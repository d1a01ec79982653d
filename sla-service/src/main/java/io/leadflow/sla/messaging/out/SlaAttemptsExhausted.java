package io.leadflow.sla.messaging.out;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of SlaAttemptsExhausted on leads.sla.v1: the policy's attempts are used without reaching the person, so
 * the lead goes to nurture (routing closes it with reason no_response). Contract: SlaAttemptsExhausted.schema.json.
 */
public record SlaAttemptsExhausted(String policyId, String sdrId, UUID assignmentId, String poolId, int attempts,
                                   Instant lastTouchAt, String reason) {

    public static final String TYPE = "SlaAttemptsExhausted";
    public static final String REASON = "no_response";
}
