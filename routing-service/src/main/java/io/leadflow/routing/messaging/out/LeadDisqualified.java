package io.leadflow.routing.messaging.out;

import io.leadflow.routing.domain.Assignment;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadDisqualified on leads.routing.v1: the SDR ruled the lead out, with a reason code. */
public record LeadDisqualified(UUID assignmentId, String sdrId, String reason, String note, Instant disqualifiedAt) {

    public static final String TYPE = "LeadDisqualified";

    public static LeadDisqualified of(Assignment assignment) {
        return new LeadDisqualified(assignment.id, assignment.sdrId, assignment.closedReason, assignment.closedNote,
                assignment.closedAt);
    }
}
