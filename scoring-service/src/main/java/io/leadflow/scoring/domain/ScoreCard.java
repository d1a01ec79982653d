package io.leadflow.scoring.domain;

import io.leadflow.scoring.rules.FiredRule;
import io.leadflow.scoring.rules.Score;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A lead's score as LeadScored carries it: the 0-100 value, the grade (fit letter x engagement digit, "A1"), the
 * rule-set version, every reason (rule, points, evidence), the points per dimension, the temperature and whether the
 * lead is marketing-qualified.
 */
public record ScoreCard(int value, String grade, String ruleSetVersion, List<Reason> reasons, int fit, int engagement,
                        int intent, String temperature, boolean mql) {

    public static ScoreCard of(Score score) {
        List<Reason> reasons = score.reasons().stream()
                .map(r -> new Reason(r.id(), (int) Math.round(r.points()), evidence(r)))
                .toList();
        return new ScoreCard(score.total(), score.grade(), score.ruleSetVersion(), reasons, score.fit(), score.engagement(),
                score.intent(), score.temperature().jsonName(), score.mql());
    }

    /** The facts that made the rule fire, as "field=value" pairs. */
    private static String evidence(FiredRule rule) {
        Map<String, Object> evidence = rule.evidence();
        if (evidence == null || evidence.isEmpty()) {
            return null;
        }
        return evidence.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
