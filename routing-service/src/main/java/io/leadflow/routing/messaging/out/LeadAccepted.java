package io.leadflow.routing.messaging.out;

import io.leadflow.routing.domain.Assignment;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadAccepted on leads.routing.v1: the SDR took the lead (SAL). */
public record LeadAccepted(UUID assignmentId, String sdrId, Instant acceptedAt) {

    public static final String TYPE = "LeadAccepted";

    public static LeadAccepted of(Assignment assignment) {
        return new LeadAccepted(assignment.id, assignment.sdrId, assignment.acceptedAt);
    }
}
