package io.leadflow.routing.messaging.out;

import io.leadflow.routing.domain.Assignment;
import io.leadflow.routing.domain.LeadTouch;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadTouched on leads.routing.v1: the SDR logged a touch and what came of it. */
public record LeadTouched(UUID touchId, UUID assignmentId, String sdrId, String channel, String outcome, String note,
                          Instant touchedAt) {

    public static final String TYPE = "LeadTouched";

    public static LeadTouched of(Assignment assignment, LeadTouch touch) {
        return new LeadTouched(touch.id, assignment.id, assignment.sdrId, touch.channel, touch.outcome, touch.note,
                touch.touchedAt);
    }
}
