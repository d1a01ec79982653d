package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A qualification framework as data: an id ({@code bant}, {@code meddic}, {@code champ}, or one RevOps defines), a
 * label, and the ordered questions the SDR answers. Checks a set of answers against itself; no I/O.
 */
public record QualificationTemplate(String id, String label, List<Field> fields) {

    /** One question: the answer's key (as in {@code answers.<key>}), its label, help text, whether it must be answered. */
    public record Field(String key, String label, String help, boolean required, int maxLength) {
        public Field {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }

    public QualificationTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        fields = List.copyOf(fields);
    }

    /** The field with this key, or null. */
    public Field field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * Checks answers against the template: every required field answered (not blank), none longer than its maximum, no
     * key the template does not have. Errors name {@code <answersField>.<key>} (e.g. {@code answers.champion}). Returns
     * the stripped answers in the template's field order, blank optional answers left out.
     */
    public Map<String, String> check(Map<String, String> answers, String answersField, List<FieldError> errors) {
        Map<String, String> sent = answers == null ? Map.of() : answers;
        Map<String, String> clean = new LinkedHashMap<>();
        for (Field field : fields) {
            String value = sent.get(field.key());
            String path = answersField + "." + field.key();
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError(path, "is required"));
                }
                continue;
            }
            String stripped = value.strip();
            if (stripped.length() > field.maxLength()) {
                errors.add(new FieldError(path, "must be at most " + field.maxLength() + " characters"));
                continue;
            }
            clean.put(field.key(), stripped);
        }
        for (String key : sent.keySet()) {
            if (field(key) == null) {
                errors.add(new FieldError(answersField + "." + key, "is not a field of the " + id + " template"));
            }
        }
        return clean;
    }
}
