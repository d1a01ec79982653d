package io.leadflow.rules;

import java.util.List;

/** The answer of a rule-set validation: whether it is valid, and every error with its JSON path. */
public record Validation(boolean valid, List<RuleSetError> errors) {

    public Validation {
        errors = List.copyOf(errors);
    }
}
