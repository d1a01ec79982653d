package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Why a lead went where it went, as {@code GET /api/v1/leads/{id}/routing} returns it: the latest decision (outcome,
 * score against the threshold, rule set, rule, variant, bucket, route, evidence), every SDR looked at with why they
 * were skipped, the steps on the way, the time it took, who holds the lead now and, while it waits, its place.
 */
public record DecisionRecord(UUID leadId, String outcome, Instant decidedAt, long decisionMicros, int score,
                             int threshold, String ruleSetVersion, String ruleId, String experimentId, String variant,
                             Integer bucket, String route, JsonNode evidence, String poolId, String sdrId,
                             UUID assignmentId, Instant heldSince, JsonNode candidates, JsonNode steps,
                             Owner owner, Hold hold) {

    /** Who holds the lead now (a reassignment changes it after the decision), and in what state. */
    public record Owner(String sdrId, String poolId, String status) {
    }

    /** The lead waits: in which pool, since when, when a member is back by the clock, when it moves on. */
    public record Hold(String poolId, Instant heldSince, Instant poolSince, Instant retryAt, Instant fallbackAt) {
    }

    public static DecisionRecord of(RoutingDecision d, Assignment assignment, HeldLead held) {
        RuleTrail t = d.trail == null ? new RuleTrail() : d.trail;
        return new DecisionRecord(d.leadId, d.outcome, d.decidedAt, d.decisionMicros, d.score, d.threshold,
                t.ruleSetVersion, t.ruleId, t.experimentId, t.variant, t.bucket, t.route, d.evidence, d.poolId,
                d.sdrId, d.assignmentId, d.heldSince, DecisionTrace.considered(d.candidates), DecisionTrace.steps(d.steps),
                assignment == null ? null : new Owner(assignment.sdrId, assignment.poolId,
                        assignment.status.name().toLowerCase()),
                held == null ? null : new Hold(held.poolId, held.heldSince, held.poolSince, held.retryAt, held.fallbackAt));
    }
}
