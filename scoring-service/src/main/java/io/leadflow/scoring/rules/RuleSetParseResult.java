package io.leadflow.scoring.rules;

import java.util.List;
import java.util.Optional;

/**
 * What parsing a rule set gave: the compiled rule set, or every error found (never both).
 */
public record RuleSetParseResult(Optional<ScoringRuleSet> ruleSet, List<RuleSetError> errors) {

    public RuleSetParseResult {
        errors = List.copyOf(errors);
        if (ruleSet.isPresent() == !errors.isEmpty()) {
            throw new IllegalArgumentException("a rule set or errors, not both");
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The errors as {@code path: message} lines. */
    public List<String> messages() {
        return errors.stream().map(RuleSetError::toString).toList();
    }

    /** The rule set; {@link IllegalStateException} listing the errors when invalid. */
    public ScoringRuleSet orElseThrow() {
        return ruleSet.orElseThrow(() -> new IllegalStateException("invalid rule set:\n  "
                + String.join("\n  ", messages())));
    }
}
