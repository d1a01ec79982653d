package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.messaging.out.LeadAssigned;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.routing.repository.RoutingDecisionRepository;
import io.leadflow.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes what a routing decided, inside the caller's transaction: the assignment, the decision record and the
 * LeadAssigned outbox row; or the lead's place in a hold queue and its decision record. Shared by the routing of a
 * scored lead and the hold queue, so that a lead assigned after waiting is recorded exactly like one assigned at once.
 */
@ApplicationScoped
public class RoutingRecords {

    private final RoutingConfig config;
    private final AssignmentRepository assignments;
    private final RoutingDecisionRepository decisions;
    private final Outbox outbox;

    public RoutingRecords(RoutingConfig config, AssignmentRepository assignments, RoutingDecisionRepository decisions,
                          Outbox outbox) {
        this.config = config;
        this.assignments = assignments;
        this.decisions = decisions;
        this.outbox = outbox;
    }

    /** The lead is the SDR's: assignment, decision record, LeadAssigned. */
    public Uni<Assignment> assign(UUID leadId, ScoredLead scored, RuleTrail trail, JsonNode evidence, Instant heldSince,
                                  String poolId, String sdrId, String sdrName, Instant at, DecisionTrace trace) {
        long micros = trace.micros();
        Assignment assignment = Assignment.of(leadId, sdrId, poolId, scored, trail.copy(), heldSince, at, micros);
        RoutingDecision decision = decision(leadId, RoutingDecision.ASSIGNED, scored, poolId, trail, evidence, trace,
                heldSince, at, micros).assignedTo(assignment);
        return assignments.persistAndFlush(assignment)
                .chain(() -> record(decision, trace))
                .chain(() -> outbox.append(LeadAssigned.TYPE, leadId, LeadAssigned.of(assignment, sdrName)))
                .replaceWith(assignment);
    }

    /** Nobody in the pool can take the lead: it waits in the pool's hold queue. */
    public Uni<HeldLead> hold(UUID leadId, ScoredLead scored, RuleTrail trail, JsonNode evidence, String poolId,
                              Instant at, Instant retryAt, Duration fallbackAfter, DecisionTrace trace) {
        HeldLead held = HeldLead.of(leadId, scored, trail.copy(), poolId, at, retryAt, fallbackAfter);
        RoutingDecision decision = decision(leadId, RoutingDecision.HELD, scored, poolId, trail, evidence, trace, at, at,
                trace.micros());
        return Panache.getSession().chain(session -> session.persist(held))
                .chain(() -> record(decision, trace))
                .replaceWith(held);
    }

    /** A decision that gives the lead to nobody (threshold, opt-out, no pool). */
    public Uni<RoutingDecision> decide(UUID leadId, String outcome, ScoredLead scored, String poolId, RuleTrail trail,
                                       JsonNode evidence, DecisionTrace trace) {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return decisions.record(decision(leadId, outcome, scored, poolId, trail, evidence, trace, null, at, trace.micros()));
    }

    /**
     * The lead's decision record; for an SDR (non-null {@code sdrId}) only when the lead is theirs now, else 404 as
     * if it did not exist. Opens its own session.
     */
    public Uni<DecisionRecord> explain(UUID leadId, String sdrId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.find(RoutingDecision.class, leadId)
                .chain(decision -> assignments.findForLead(leadId).chain(assignment -> session.find(HeldLead.class, leadId)
                        .map(held -> {
                            if (decision == null || sdrId != null && (assignment == null || !sdrId.equals(assignment.sdrId))) {
                                throw new NotFoundException("lead " + leadId + " has no routing decision"
                                        + (sdrId == null ? "" : " you may see"));
                            }
                            return DecisionRecord.of(decision, assignment, held);
                        })))));
    }

    private Uni<RoutingDecision> record(RoutingDecision decision, DecisionTrace trace) {
        return trace.firstDecision() ? decisions.recordFirst(decision) : decisions.record(decision);
    }

    private RoutingDecision decision(UUID leadId, String outcome, ScoredLead scored, String poolId, RuleTrail trail,
                                     JsonNode evidence, DecisionTrace trace, Instant heldSince, Instant at, long micros) {
        RoutingDecision decision = RoutingDecision.of(leadId, outcome, scored.scoreValue(), config.threshold(), poolId,
                at, micros);
        decision.trail = trail == null ? null : trail.copy();
        decision.evidence = evidence;
        decision.candidates = trace.candidates();
        decision.steps = trace.steps();
        decision.heldSince = heldSince;
        return decision;
    }
}
