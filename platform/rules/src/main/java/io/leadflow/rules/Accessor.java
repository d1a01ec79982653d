package io.leadflow.rules;

import java.util.Locale;

/**
 * Reads one field of the facts being evaluated (of type {@code C}), compiled at parse time. The value is a
 * String, Double, Boolean, another JSON node (an object or array: present but not comparable) or {@code null}
 * (absent); {@link JsonPaths#value} turns a JSON node into one of these.
 */
@FunctionalInterface
public interface Accessor<C> {

    Object read(C facts);

    /**
     * The value with text lower-cased ({@link Locale#ROOT}), as {@code eq}, {@code in} and {@code notIn} compare
     * text fields. An accessor that reads the same field for many conditions may remember it.
     */
    default Object readLowerCase(C facts) {
        Object value = read(facts);
        return value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
    }
}
