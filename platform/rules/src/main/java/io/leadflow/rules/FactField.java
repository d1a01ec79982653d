package io.leadflow.rules;

import java.util.List;

/**
 * A fact that rule conditions may test: its path, type and, for enums, the allowed values
 * (taken from the contracts' schemas).
 */
public record FactField(String path, Type type, List<String> allowedValues, String description) {

    /** What a field holds, which decides the operators it accepts. */
    public enum Type {
        /** Free text, compared case-insensitively: eq, in, notIn, exists, contains, endsWith. */
        TEXT,
        /** One of {@link FactField#allowedValues()}, compared exactly: eq, in, notIn, exists. */
        ENUM,
        /** A number: eq, in, notIn, exists, gte, lte, between. */
        NUMBER,
        /** true or false: eq, in, notIn, exists. */
        BOOLEAN
    }

    public FactField {
        allowedValues = List.copyOf(allowedValues);
    }
}
