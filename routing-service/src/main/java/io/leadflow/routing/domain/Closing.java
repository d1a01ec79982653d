package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * An SDR closing a lead without an opportunity, with a reason code and an optional note: disqualified (the lead is not
 * a fit: the conversion model learns it as lost) or sent back to nurture (a real buyer, not now). The codes are the
 * LeadDisqualified and LeadNurtured contracts'.
 */
public record Closing(AssignmentStatus status, String reason, String note) {

    public static final List<String> DISQUALIFY_REASONS = List.of("not_a_fit", "no_budget", "no_authority", "no_need",
            "bad_timing", "competitor", "student", "spam", "unreachable", "duplicate", "wrong_contact", "other");
    public static final List<String> NURTURE_REASONS = List.of("not_ready", "bad_timing", "no_response",
            "no_budget_yet", "researching", "other");

    /** Either a valid closing or the reasons, one per field. */
    public record Result(Closing closing, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result disqualify(String reason, String note) {
        return of(AssignmentStatus.DISQUALIFIED, reason, note, DISQUALIFY_REASONS);
    }

    public static Result nurture(String reason, String note) {
        return of(AssignmentStatus.NURTURED, reason, note, NURTURE_REASONS);
    }

    private static Result of(AssignmentStatus status, String reason, String note, List<String> reasons) {
        List<FieldError> errors = new ArrayList<>();
        Touch.code("reason", reason, reasons, errors);
        String cleanNote = note(note, errors);
        return errors.isEmpty() ? new Result(new Closing(status, reason, cleanNote), List.of())
                : new Result(null, List.copyOf(errors));
    }

    static String note(String note, List<FieldError> errors) {
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > Touch.NOTE_MAX) {
            errors.add(new FieldError("note", "must be at most " + Touch.NOTE_MAX + " characters"));
        }
        return clean;
    }
}
