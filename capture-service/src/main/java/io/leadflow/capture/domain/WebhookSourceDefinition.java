package io.leadflow.capture.domain;

import io.leadflow.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A webhook source as an admin defines it (the body of {@code PUT /api/v1/admin/webhook-sources/{sourceId}}).
 * {@code enabled} defaults to true; {@code defaults} to none.
 */
public record WebhookSourceDefinition(String name, Boolean enabled, Map<String, String> mapping, Map<String, String> defaults) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Everything wrong with this definition under {@code id}, each with its field and reason. Pure. */
    public List<FieldError> problems(String id) {
        List<FieldError> errors = new ArrayList<>();
        if (!isId(id)) {
            errors.add(new FieldError("sourceId", "must be 1 to 64 lower-case letters, digits or '-'"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.strip().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        errors.addAll(WebhookMapping.check(mapping, defaults));
        return errors;
    }
}
