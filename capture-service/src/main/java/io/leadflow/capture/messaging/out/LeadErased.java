package io.leadflow.capture.messaging.out;

import io.leadflow.capture.domain.Erasure;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadErased on leads.capture.v1 (contract: contracts/.../LeadErased.schema.json): no personal data. */
public record LeadErased(Instant erasedAt, UUID requestId, String requestReference) {

    public static final String TYPE = "LeadErased";

    public static LeadErased of(Erasure erasure) {
        return new LeadErased(erasure.erasedAt, erasure.requestId, erasure.requestReference);
    }
}
