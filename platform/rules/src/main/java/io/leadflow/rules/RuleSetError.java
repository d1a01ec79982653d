package io.leadflow.rules;

/**
 * One problem found in a rule set: where (a JSON path such as {@code rules[3].when.field}, or
 * {@code $} for the document itself) and what.
 */
public record RuleSetError(String path, String message) {

    /** {@code path: message}, the form shown to RevOps. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
