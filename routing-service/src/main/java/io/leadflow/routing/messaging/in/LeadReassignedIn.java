package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.messaging.incoming.PoisonEventException;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.notifications.Reassignment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Routing's own copy of LeadReassigned: whom to show the lead to now and its context (the SDR inbox feed), and who had
 * it, why and by whom (the e-mail and webhook notifiers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadReassignedIn(UUID assignmentId, String fromSdrId, String sdrId, String poolId, String reason,
                               String note, String reassignedBy, Instant reassignedAt, JsonNode lead, JsonNode score) {

    public LeadReassignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(reassignedAt, "reassignedAt");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(score, "score");
    }

    /** The card the new owner sees, from the snapshots the event carries. */
    public LeadCard card(UUID leadId) {
        return LeadCard.assigned(leadId, assignmentId, reassignedAt, lead, score);
    }

    /**
     * The facts the notifications tell. An event without who had it, why or by whom, or with a reason the contract does
     * not know, is poison (dead-lettered), never notified with a guess.
     */
    public Reassignment reassignment(UUID leadId, UUID eventId) {
        try {
            return new Reassignment(leadId, assignmentId, fromSdrId, sdrId, poolId, Reassignment.Reason.of(reason), note,
                    reassignedBy, reassignedAt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("LeadReassigned " + eventId + " cannot be notified: " + e.getMessage());
        }
    }
}
