package io.leadflow.scoring.rules;

import java.util.Map;

/**
 * Why a score is what it is: one rule that fired, or one engagement type's decayed points.
 *
 * @param id          the rule id, or {@code engagement:<type>} for engagement points
 * @param dimension   the dimension the points count in
 * @param points      the points as awarded, before caps; engagement points are decayed and
 *                    rounded to one decimal (the dimension total is rounded from the exact sum)
 * @param evidence    the field values that made the rule fire (path to value, {@code null} when a
 *                    {@code not} or {@code exists: false} fired on an absent field); for engagement:
 *                    {@code count}, {@code basePoints}, {@code latest}
 * @param description the rule's description for people
 * @param disqualify  the rule forces the lead cold and below MQL
 */
public record FiredRule(String id, Dimension dimension, double points, Map<String, Object> evidence,
                        String description, boolean disqualify) {
}
