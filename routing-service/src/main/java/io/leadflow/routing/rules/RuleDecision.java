package io.leadflow.routing.rules;

import java.util.Map;

/**
 * What a routing rule set decided for one lead.
 *
 * @param ruleSetVersion the rule set that decided
 * @param experimentId   the rule set's experiment, {@code null} when it has none
 * @param variant        A, or B when the lead fell in the experiment's share (A when there is no experiment):
 *                       record it on the assignment to compare the variants' outcomes later
 * @param bucket         the lead's experiment bucket 0-99 ({@link Experiment#bucket}), {@code null} without an
 *                       experiment or a lead id
 * @param ruleId         the rule that matched first, or {@value RoutingRules#CATCH_ALL} when none did
 * @param route          where the lead goes; for the account owner with the lead's account and owner filled in
 * @param evidence       the field values that made the rule match (path to value, {@code null} for an absent field a
 *                       {@code not} or {@code exists: false} matched on); empty for the catch-all
 */
public record RuleDecision(String ruleSetVersion, String experimentId, Variant variant, Integer bucket, String ruleId,
                           Route route, Map<String, Object> evidence) {

    /** No rule matched: the lead goes to the catch-all pool. */
    public boolean catchAll() {
        return RoutingRules.CATCH_ALL.equals(ruleId);
    }
}
