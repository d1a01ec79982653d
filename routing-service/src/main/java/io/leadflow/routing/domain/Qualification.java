package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/** An SDR's qualification of a lead: the four BANT answers (all required) and optional notes. */
public record Qualification(Bant bant, String notes) {

    /** Budget, authority, need, timeline: what makes a lead sales-qualified. */
    public record Bant(String budget, String authority, String need, String timeline) {
    }

    /** Either a valid qualification or the reasons, one per field (dotted path as the client sent it). */
    public record Result(Qualification qualification, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    // Limits of the LeadQualified contract.
    static final int ANSWER_MAX = 500;
    static final int NEED_MAX = 2000;
    static final int NOTES_MAX = 5000;

    /** Trims the answers and checks them against the contract's rules; null means "not sent". */
    public static Result of(String budget, String authority, String need, String timeline, String notes) {
        List<FieldError> errors = new ArrayList<>();
        String b = answer("bant.budget", budget, ANSWER_MAX, errors);
        String a = answer("bant.authority", authority, ANSWER_MAX, errors);
        String n = answer("bant.need", need, NEED_MAX, errors);
        String t = answer("bant.timeline", timeline, ANSWER_MAX, errors);
        String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
        if (cleanNotes != null && cleanNotes.length() > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters"));
        }
        return errors.isEmpty()
                ? new Result(new Qualification(new Bant(b, a, n, t), cleanNotes), List.of())
                : new Result(null, List.copyOf(errors));
    }

    private static String answer(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return clean;
    }
}
