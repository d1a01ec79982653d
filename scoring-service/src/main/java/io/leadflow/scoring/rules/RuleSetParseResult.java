package io.leadflow.scoring.rules;

import io.leadflow.rules.ParseResult;
import io.leadflow.rules.RuleSetError;

import java.util.List;
import java.util.Optional;

/**
 * What parsing a scoring rule set gave: the compiled rule set, or every error found (never both).
 */
public final class RuleSetParseResult extends ParseResult<ScoringRuleSet> {

    RuleSetParseResult(Optional<ScoringRuleSet> ruleSet, List<RuleSetError> errors) {
        super(ruleSet, errors);
    }

    public Optional<ScoringRuleSet> ruleSet() {
        return value();
    }
}
