package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * An SDR giving a lead back before working it, with a reason code and a note (required for {@code other}). The lead
 * goes to the next available member of its pool (LeadReassigned, reason {@code declined}).
 */
public record Decline(String reason, String note) {

    public static final List<String> REASONS = List.of("wrong_territory", "conflict_of_interest", "no_capacity",
            "not_my_segment", "other");
    /** Leaves room for the reason code in the event's note (at most 2000 characters). */
    static final int NOTE_MAX = 1900;

    /** Either a valid decline or the reasons, one per field. */
    public record Result(Decline decline, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result of(String reason, String note) {
        List<FieldError> errors = new ArrayList<>();
        Touch.code("reason", reason, REASONS, errors);
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > NOTE_MAX) {
            errors.add(new FieldError("note", "must be at most " + NOTE_MAX + " characters"));
        } else if (clean == null && "other".equals(reason)) {
            errors.add(new FieldError("note", "is required when the reason is other"));
        }
        return errors.isEmpty() ? new Result(new Decline(reason, clean), List.of()) : new Result(null, List.copyOf(errors));
    }

    /** The note LeadReassigned carries: the reason code, then the SDR's note if any. */
    public String eventNote() {
        return note == null ? reason : reason + ": " + note;
    }
}
