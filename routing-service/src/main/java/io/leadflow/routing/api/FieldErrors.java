package io.leadflow.routing.api;

import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every bad field of a request, so that one 400 answer names them all. */
final class FieldErrors {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Throws the 400 if anything was wrong. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** A required id (1-64 letters, digits, dot, dash, underscore; starting with a letter or digit). */
    String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            add(field, "must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit");
            return null;
        }
        return value;
    }

    /** Required, not blank, at most {@code max} characters; stripped. */
    String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** Optional (null or blank = none), at most {@code max} characters; stripped. */
    String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        return stripped;
    }

    String email(String field, String value, boolean required) {
        String text = required ? text(field, value, 254) : optionalText(field, value, 254);
        if (text != null && !EMAIL.matcher(text).matches()) {
            add(field, "must be an e-mail address");
            return null;
        }
        return text;
    }

    /** Optional whole number from {@code min} to {@code max}. */
    Integer range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be from " + min + " to " + max + " (or absent)");
            return null;
        }
        return value;
    }
}
