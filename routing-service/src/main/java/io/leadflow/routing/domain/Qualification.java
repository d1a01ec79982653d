package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SDR's qualification of a lead: the framework (a {@link QualificationTemplate} id), the answers to its fields in
 * the template's order, and optional notes.
 */
public record Qualification(String framework, Map<String, String> answers, String notes) {

    /** Budget, authority, need, timeline: the BANT answers as the contract's {@code bant} object carries them. */
    public record Bant(String budget, String authority, String need, String timeline) {
    }

    /** Either a valid qualification or the reasons, one per field (dotted path as the client sent it). */
    public record Result(Qualification qualification, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    // Limit of the LeadQualified contract.
    static final int NOTES_MAX = 5000;

    public Qualification {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** The answers as the contract's {@code bant} object when this is a BANT qualification; null otherwise. */
    public Bant bant() {
        return QualificationTemplates.BANT.equals(framework)
                ? new Bant(answers.get("budget"), answers.get("authority"), answers.get("need"), answers.get("timeline"))
                : null;
    }

    /**
     * Checks a qualification against the offered templates: {@code framework} (null = the default template) must be
     * offered, the answers must fit its fields (errors named {@code <answersField>.<key>}), notes at most 5000
     * characters. Text is stripped; blank notes and blank optional answers count as not given.
     */
    public static Result of(QualificationTemplates templates, String framework, Map<String, String> answers,
                            String notes, String answersField) {
        List<FieldError> errors = new ArrayList<>();
        QualificationTemplate template = framework == null ? templates.defaultTemplate()
                : templates.find(framework).orElse(null);
        Map<String, String> clean = Map.of();
        if (template == null) {
            errors.add(new FieldError("framework", "must be one of " + String.join(", ",
                    templates.offered().stream().map(QualificationTemplate::id).toList())));
        } else {
            clean = template.check(answers, answersField, errors);
        }
        String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
        if (cleanNotes != null && cleanNotes.length() > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters"));
        }
        return errors.isEmpty()
                ? new Result(new Qualification(template.id(), clean, cleanNotes), List.of())
                : new Result(null, List.copyOf(errors));
    }
}
