package io.leadflow.rules;

import java.util.List;
import java.util.Optional;

/**
 * What parsing a rule set gave: the compiled rule set, or every error found (never both).
 *
 * @param <T> the compiled rule set
 */
public class ParseResult<T> {

    private final Optional<T> value;
    private final List<RuleSetError> errors;

    protected ParseResult(Optional<T> value, List<RuleSetError> errors) {
        this.value = value;
        this.errors = List.copyOf(errors);
        if (value.isPresent() == !this.errors.isEmpty()) {
            throw new IllegalArgumentException("a rule set or errors, not both");
        }
    }

    public static <T> ParseResult<T> of(T value) {
        return new ParseResult<>(Optional.of(value), List.of());
    }

    public static <T> ParseResult<T> invalid(List<RuleSetError> errors) {
        return new ParseResult<>(Optional.empty(), errors);
    }

    /** The compiled rule set, empty when invalid. */
    public Optional<T> value() {
        return value;
    }

    public List<RuleSetError> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The errors as {@code path: message} lines. */
    public List<String> messages() {
        return errors.stream().map(RuleSetError::toString).toList();
    }

    /** The answer of a validation request. */
    public Validation validation() {
        return new Validation(valid(), errors);
    }

    /** The rule set; {@link IllegalStateException} listing the errors when invalid. */
    public T orElseThrow() {
        return value.orElseThrow(() -> new IllegalStateException("invalid rule set:\n  "
                + String.join("\n  ", messages())));
    }

    @Override
    public String toString() {
        return valid() ? "valid " + value.get() : "invalid " + messages();
    }
}
