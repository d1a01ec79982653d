package io.leadflow.rules;

/**
 * Reads one field of the facts being evaluated (of type {@code C}), compiled at parse time. The value is a
 * String, Double, Boolean, another JSON node (an object or array: present but not comparable) or {@code null}
 * (absent); {@link JsonPaths#value} turns a JSON node into one of these.
 */
@FunctionalInterface
public interface Accessor<C> {

    Object read(C facts);
}
