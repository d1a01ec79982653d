package io.leadflow.routing.domain;

import io.leadflow.routing.rules.RuleDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the rules said about a lead, kept on its assignment, its hold and its decision record: the rule set
 * version, the rule that matched (or {@code catch-all}), the experiment's variant and bucket, and the route label.
 * All null for a lead routed straight to a pool (tests, leads assigned before the engine).
 */
@Embeddable
public class RuleTrail {

    @Column(name = "rule_set_version")
    public String ruleSetVersion;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "experiment_id")
    public String experimentId;
    public String variant;
    public Integer bucket;
    public String route;

    public static RuleTrail of(RuleDecision decision) {
        RuleTrail trail = new RuleTrail();
        trail.ruleSetVersion = decision.ruleSetVersion();
        trail.ruleId = decision.ruleId();
        trail.experimentId = decision.experimentId();
        trail.variant = decision.variant().name();
        trail.bucket = decision.bucket();
        trail.route = decision.route().label();
        return trail;
    }

    /** A lead sent to a pool by the caller, not by the rules. */
    public static RuleTrail direct(String poolId) {
        RuleTrail trail = new RuleTrail();
        trail.route = "pool:" + poolId;
        return trail;
    }

    public RuleTrail copy() {
        RuleTrail trail = new RuleTrail();
        trail.ruleSetVersion = ruleSetVersion;
        trail.ruleId = ruleId;
        trail.experimentId = experimentId;
        trail.variant = variant;
        trail.bucket = bucket;
        trail.route = route;
        return trail;
    }
}
