package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A touch an SDR logs on one of their leads: the channel, what came of it, an optional note, and when it happened
 * (an SDR may log a call after hanging up; by default now). The codes are the LeadTouched contract's.
 */
public record Touch(String channel, String outcome, String note, Instant touchedAt) {

    public static final List<String> CHANNELS = List.of("call", "email", "linkedin", "sms", "meeting", "other");
    public static final List<String> OUTCOMES = List.of("connected", "replied", "meeting_booked", "left_voicemail",
            "no_answer", "bounced", "wrong_contact", "sent");
    static final int NOTE_MAX = 2000;
    /** Clocks differ: a touch up to this far ahead of the server's clock is taken as now. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Either a valid touch or the reasons, one per field. */
    public record Result(Touch touch, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the codes against the contract and the time against the assignment: not before the lead was assigned
     * (nobody touched it for Leadflow before), not in the future.
     */
    public static Result of(String channel, String outcome, String note, Instant touchedAt, Instant assignedAt, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        code("channel", channel, CHANNELS, errors);
        code("outcome", outcome, OUTCOMES, errors);
        String cleanNote = Closing.note(note, errors);
        Instant at = touchedAt == null ? now : touchedAt;
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("touchedAt", "must not be in the future"));
        } else if (at.isBefore(assignedAt)) {
            errors.add(new FieldError("touchedAt", "must not be before the lead was assigned (" + assignedAt + ")"));
        }
        Instant clamped = at.isAfter(now) ? now : at;
        return errors.isEmpty() ? new Result(new Touch(channel, outcome, cleanNote, clamped), List.of())
                : new Result(null, List.copyOf(errors));
    }

    /** Whether the person answered (the lead replied): a buying signal scoring counts. */
    public boolean answered() {
        return "connected".equals(outcome) || "replied".equals(outcome) || "meeting_booked".equals(outcome);
    }

    static void code(String field, String value, List<String> known, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required; one of " + String.join(", ", known)));
        } else if (!known.contains(value)) {
            errors.add(new FieldError(field, "unknown value '" + value + "'; one of " + String.join(", ", known)));
        }
    }
}
