package io.leadflow.routing.messaging.out;

import io.leadflow.routing.domain.Assignment;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadNurtured on leads.routing.v1: the SDR sent the lead back to nurture (not now), with a reason. */
public record LeadNurtured(UUID assignmentId, String sdrId, String reason, String note, Instant nurturedAt) {

    public static final String TYPE = "LeadNurtured";

    public static LeadNurtured of(Assignment assignment) {
        return new LeadNurtured(assignment.id, assignment.sdrId, assignment.closedReason, assignment.closedNote,
                assignment.closedAt);
    }
}
