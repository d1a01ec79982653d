package io.leadflow.crm.messaging.out;

import java.time.Instant;
import java.util.UUID;

/** A lost deal's lead goes back to nurture with the loss reason (contract: LeadRecycled.schema.json). */
public record LeadRecycled(UUID opportunityId, String reason, Instant lostAt, String recycledTo, String sdrId) {

    public static final String TYPE = "LeadRecycled";
}
