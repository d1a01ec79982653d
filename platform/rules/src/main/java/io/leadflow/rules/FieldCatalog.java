package io.leadflow.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whitelist of fields the rules of one kind of rule set may test, by path, in documentation order. A
 * condition on a path that is not here is a validation error (with the closest known path suggested), so a
 * typo never silently matches nothing. Immutable; build one with {@link #builder()}.
 */
public final class FieldCatalog {

    private final Map<String, FactField> fields;

    private FieldCatalog(Map<String, FactField> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every field by path, in the order they were added. */
    public Map<String, FactField> fields() {
        return fields;
    }

    /** The field with this path, or {@code null}. */
    public FactField field(String path) {
        return fields.get(path);
    }

    /** Adds fields in order; adding a path again replaces its entry where it stands. */
    public static final class Builder {

        private final Map<String, FactField> fields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(FactField field) {
            fields.put(field.path(), field);
            return this;
        }

        public Builder text(String path, String description) {
            return add(new FactField(path, FactField.Type.TEXT, List.of(), description));
        }

        public Builder bool(String path, String description) {
            return add(new FactField(path, FactField.Type.BOOLEAN, List.of(), description));
        }

        public Builder number(String path, String description) {
            return add(new FactField(path, FactField.Type.NUMBER, List.of(), description));
        }

        public Builder enumField(String path, String description, String... values) {
            return add(new FactField(path, FactField.Type.ENUM, List.of(values), description));
        }

        public FieldCatalog build() {
            return new FieldCatalog(fields);
        }
    }
}
