package io.leadflow.scoring.rules;

import io.leadflow.rules.Condition;

/**
 * One rule of a rule set: when its condition holds, its points count in its dimension
 * (negative points are penalties, see {@link ScoringRuleSet}).
 */
public final class ScoringRule {

    private final String id;
    private final Dimension dimension;
    private final int points;
    private final String description;
    private final boolean disqualify;
    final Condition<EvalContext> when;

    ScoringRule(String id, Dimension dimension, int points, String description, boolean disqualify, Condition<EvalContext> when) {
        this.id = id;
        this.dimension = dimension;
        this.points = points;
        this.description = description;
        this.disqualify = disqualify;
        this.when = when;
    }

    public String id() {
        return id;
    }

    public Dimension dimension() {
        return dimension;
    }

    public int points() {
        return points;
    }

    public String description() {
        return description;
    }

    /** Firing forces the lead cold and below MQL, whatever its points. */
    public boolean disqualify() {
        return disqualify;
    }

    @Override
    public String toString() {
        return id + " (" + dimension.jsonName() + " " + (points > 0 ? "+" : "") + points + ")";
    }
}
