package io.leadflow.capture.privacy;

import java.time.Instant;

/**
 * The body of LeadOptedOut on leads.capture.v1 (contract: contracts/.../LeadOptedOut.schema.json): the
 * person behind an existing lead asked not to be contacted. Routing stops offering the lead; no
 * personal data travels with it.
 */
public record LeadOptedOut(Instant optedOutAt) {

    public static final String TYPE = "LeadOptedOut";
}
