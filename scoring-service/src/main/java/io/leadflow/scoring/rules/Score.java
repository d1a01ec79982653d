package io.leadflow.scoring.rules;

import java.util.List;

/**
 * A lead scored by a {@link ScoringRuleSet}.
 *
 * @param ruleSetVersion the version of the rule set that scored it
 * @param total          0-100: the capped dimension points plus every negative rule, clamped
 * @param fit            fit points, 0..caps.fit after negatives (what the fit letter is graded on)
 * @param engagement     engagement points, 0..caps.engagement after negatives (graded into the digit)
 * @param intent         intent points, 0..caps.intent after negatives
 * @param grade          fit letter A-D and engagement digit 1-4, e.g. {@code B2} (A1 best)
 * @param temperature    cold, warm or hot by total; cold when disqualified
 * @param mql            total at or above the rule set's MQL threshold and not disqualified
 * @param disqualified   a rule with {@code "disqualify": true} fired (e.g. do-not-contact)
 * @param reasons        the rules that fired, in rule-set order, then engagement points by type
 */
public record Score(String ruleSetVersion, int total, int fit, int engagement, int intent, String grade,
                    Temperature temperature, boolean mql, boolean disqualified, List<FiredRule> reasons) {

    /** The points of one dimension. */
    public int points(Dimension dimension) {
        return switch (dimension) {
            case FIT -> fit;
            case ENGAGEMENT -> engagement;
            case INTENT -> intent;
        };
    }

    /** The reason with this rule id, or {@code null} when that rule did not fire. */
    public FiredRule reason(String id) {
        for (FiredRule r : reasons) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
