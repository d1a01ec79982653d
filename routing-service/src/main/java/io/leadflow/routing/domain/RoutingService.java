package io.leadflow.routing.domain;

import io.leadflow.routing.repository.SdrPoolRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.distribution.Candidate;
import io.leadflow.routing.distribution.Distribution;
import io.leadflow.routing.distribution.Selection;
import io.leadflow.routing.domain.PoolStateStore.LockedPool;
import io.leadflow.routing.messaging.out.LeadUnmatched;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.routing.roster.SkipReason;
import io.leadflow.routing.rules.Route;
import io.leadflow.routing.rules.RoutingFacts;
import io.leadflow.routing.rules.RoutingRuleSet;
import io.leadflow.routing.rules.Variant;
import io.leadflow.routing.rules.RuleDecision;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Decides who gets a scored lead, inside the caller's transaction (the consumer's inbox transaction): the decision
 * record, the assignment (or the lead's place in a hold queue), the moved pool state and the LeadAssigned outbox row
 * commit together or not at all.
 *
 * <p>The way: the active routing rule set names a route ({@link RoutingRuleSets#decide}); a named SDR (the rule's SDR,
 * the account owner) gets the lead if they can take it now, else the route's pool does; in the pool, its
 * distribution method picks among the members who can ({@link Distribution#select}); nobody can: the lead waits in
 * the pool's hold queue ({@link HoldQueue}). A pool that does not exist sends the lead to the rule set's catch-all
 * pool. Only one pool is locked per transaction (the pool row, then its members' and the named SDRs' rows in id
 * order), so routings of different pools never wait on each other in a circle.
 */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    /** What became of a scored lead. */
    public enum Outcome {
        ASSIGNED, BELOW_THRESHOLD, NO_AVAILABLE_SDR, ALREADY_ASSIGNED, DO_NOT_CONTACT, HELD, UNROUTABLE
    }

    /** Where to look: a named SDR first (may be null), then the pool. */
    private record Plan(String poolId, String namedSdrId, String namedRole) {
    }

    /** One lead being routed: what LeadScored said and what the rules decided. */
    private record Routed(UUID leadId, ScoredLead scored, RuleDecision rule, RuleTrail trail, JsonNode evidence,
                          DecisionTrace trace) {
    }

    private final RoutingConfig config;
    private final AssignmentRepository assignments;
    private final RoutingRuleSets ruleSets;
    private final PoolStateStore poolStates;
    private final RoutingRecords records;
    private final HoldQueue holds;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Timer decisionTime;

    public RoutingService(RoutingConfig config, AssignmentRepository assignments, RoutingRuleSets ruleSets,
                          PoolStateStore poolStates, RoutingRecords records, HoldQueue holds, Outbox outbox,
                          ObjectMapper mapper, MeterRegistry meters) {
        this.config = config;
        this.assignments = assignments;
        this.ruleSets = ruleSets;
        this.poolStates = poolStates;
        this.records = records;
        this.holds = holds;
        this.outbox = outbox;
        this.mapper = mapper;
        this.meters = meters;
        this.decisionTime = Timer.builder("leadflow.routing.decision")
                .description("Time to decide who gets a lead: rules, locks, pool state, selection and records")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Routes a scored lead by the active routing rule set. Must run inside a transaction. */
    public Uni<Outcome> route(UUID leadId, ScoredLead scored) {
        DecisionTrace trace = new DecisionTrace();
        return screen(leadId, scored, trace, () -> {
            RoutingRuleSet rules = ruleSets.active(); // one version for the whole decision, catch-all included
            RuleDecision rule = rules.decide(RoutingFacts.of(leadId.toString(), scored.lead(), scored.enrichment(),
                    scored.score(), scored.conversion()));
            Routed routed = new Routed(leadId, scored, rule, RuleTrail.of(rule), mapper.valueToTree(rule.evidence()), trace);
            return plan(rule, rules.catchAll(), trace)
                    .chain(plan -> route(routed, plan, rule.catchAll() ? null : rules.catchAll()))
                    .call(outcome -> rule.catchAll() && hasRules(rules, rule.variant())
                            ? unmatched(routed, rules.catchAll(), outcome) : Uni.createFrom().voidItem());
        });
    }

    /** Routes a scored lead straight to a pool, without the rules (tests, tools). Must run inside a transaction. */
    public Uni<Outcome> route(UUID leadId, ScoredLead scored, String poolId) {
        DecisionTrace trace = new DecisionTrace();
        return screen(leadId, scored, trace, () -> route(new Routed(leadId, scored, null, RuleTrail.direct(poolId), null,
                trace), new Plan(poolId, null, null), null));
    }

    /** A lead nobody may be given (the person opted out, the score is below the threshold) is only recorded. */
    private Uni<Outcome> screen(UUID leadId, ScoredLead scored, DecisionTrace trace,
                                java.util.function.Supplier<Uni<Outcome>> routing) {
        boolean doNotContact = scored.lead().path("doNotContact").asBoolean(false);
        if (!doNotContact && scored.scoreValue() >= config.threshold()) {
            return routing.get().invoke(outcome -> decisionTime.record(trace.micros(), TimeUnit.MICROSECONDS));
        }
        String outcome = doNotContact ? RoutingDecision.DO_NOT_CONTACT : RoutingDecision.BELOW_THRESHOLD;
        return assignments.existsForLead(leadId).chain(assigned -> assigned
                ? alreadyAssigned(leadId)
                : records.decide(leadId, outcome, scored, null, null, null, trace)
                .replaceWith(doNotContact ? Outcome.DO_NOT_CONTACT : Outcome.BELOW_THRESHOLD));
    }

    /**
     * Whether the variant that decided has rules at all: a rule set without rules (the shipped {@code default-1})
     * means "everything to the catch-all pool", and no lead of it is a missing rule to alert RevOps about.
     */
    private static boolean hasRules(RoutingRuleSet rules, Variant variant) {
        return variant == Variant.B
                ? rules.experiment().map(experiment -> !experiment.rules().isEmpty()).orElse(false)
                : !rules.rules().isEmpty();
    }

    /** Turns the rules' route into where to look: the named SDR (if any) and the pool behind them. */
    private Uni<Plan> plan(RuleDecision rule, String catchAll, DecisionTrace trace) {
        Route route = rule.route();
        if (route instanceof Route.Pool pool) {
            return Uni.createFrom().item(new Plan(pool.pool(), null, null));
        }
        if (route instanceof Route.Sdr sdr) {
            return homePool(sdr.sdr(), catchAll, trace).map(pool -> new Plan(pool, sdr.sdr(), "sdr"));
        }
        Route.AccountOwner owner = (Route.AccountOwner) route;
        if (owner.ownerId() == null) {
            String pool = owner.elseOwnersPool() ? catchAll : owner.elsePool();
            trace.step("owner-unknown", "the lead's account has no known owner: pool " + pool);
            return Uni.createFrom().item(new Plan(pool, null, null));
        }
        Uni<String> pool = owner.elseOwnersPool() ? homePool(owner.ownerId(), catchAll, trace)
                : Uni.createFrom().item(owner.elsePool());
        return pool.map(p -> new Plan(p, owner.ownerId(), "account-owner"));
    }

    /** The pool an SDR belongs to (the first by id when several): where their leads go when they cannot take one. */
    private Uni<String> homePool(String sdrId, String catchAll, DecisionTrace trace) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select pool_id from pool_member where sdr_id = :sdr order by pool_id limit 1", String.class)
                .setParameter("sdr", sdrId).getResultList())
                .map(pools -> {
                    if (pools.isEmpty()) {
                        trace.step("no-home-pool", sdrId + " is in no pool: the catch-all pool backs them");
                        return catchAll;
                    }
                    return pools.get(0);
                });
    }

    /** Locks the plan's pool and decides in it; a missing pool hands over to the catch-all pool (once). */
    private Uni<Outcome> route(Routed routed, Plan plan, String catchAll) {
        List<String> named = plan.namedSdrId() == null ? List.of() : List.of(plan.namedSdrId());
        return poolStates.lockFor(routed.leadId(), plan.poolId(), named).chain(lockedForLead -> {
            if (lockedForLead == null) {
                if (catchAll != null && !catchAll.equals(plan.poolId())) {
                    routed.trace().step("pool-missing", "pool " + plan.poolId() + " does not exist: catch-all pool " + catchAll);
                    return route(routed, new Plan(catchAll, plan.namedSdrId(), plan.namedRole()), null);
                }
                LOG.errorf("pool %s does not exist; lead %s is not routed", plan.poolId(), routed.leadId());
                meters.counter("leadflow.routing.unroutable").increment();
                routed.trace().step("pool-missing", "pool " + plan.poolId() + " does not exist: nobody can be given the lead");
                return records.decide(routed.leadId(), RoutingDecision.UNROUTABLE, routed.scored(), plan.poolId(),
                        routed.trail(), routed.evidence(), routed.trace()).replaceWith(Outcome.UNROUTABLE);
            }
            // Looked for only once the pool's lock is held (a concurrent routing of the same lead is seen), in the
            // members' statement: each statement costs a round trip on the routing's path.
            LockedPool locked = lockedForLead.pool();
            SdrPoolRepository.LeadState lead = lockedForLead.lead();
            routed.trace().firstDecision(!lead.decided());
            return lead.assigned() ? alreadyAssigned(routed.leadId())
                    : lead.held() ? alreadyHeld(routed.leadId())
                    : decide(routed, plan, locked, lead.poolHasQueue());
        });
    }

    private Uni<Outcome> decide(Routed routed, Plan plan, LockedPool locked, boolean poolHasQueue) {
        if (plan.namedSdrId() != null) {
            Candidate named = locked.named().get(plan.namedSdrId());
            SkipReason skipped = named == null ? SkipReason.INACTIVE : named.skipReasonAt(locked.at());
            routed.trace().named(plan.namedRole(), plan.namedSdrId(), skipped, skipped == null);
            if (skipped == null) {
                return records.assign(routed.leadId(), routed.scored(), routed.trail(), routed.evidence(), null,
                        locked.pool().id, plan.namedSdrId(), name(locked, plan.namedSdrId()), locked.at(), routed.trace())
                        .replaceWith(Outcome.ASSIGNED);
            }
            routed.trace().step(plan.namedRole() + "-unavailable", plan.namedSdrId() + " cannot take it ("
                    + (named == null ? "not on the roster" : skipped.code()) + "): pool " + locked.pool().id);
        }
        // Leads already waiting in this pool go first: the new lead is not served before them.
        Uni<HoldQueue.Drained> served = poolHasQueue ? holds.drain(locked)
                : Uni.createFrom().item(new HoldQueue.Drained(locked, 0));
        return served.chain(drained -> {
            if (drained.waiting() > 0) {
                routed.trace().step("queued", drained.waiting() + " lead(s) already wait in pool " + locked.pool().id);
                return hold(routed, drained.pool(), null)
                        .call(() -> poolStates.store(locked.pool().id, locked.state(), drained.pool().state()));
            }
            LockedPool current = drained.pool();
            Selection selection = Distribution.select(current.state(), current.at());
            routed.trace().pool(locked.pool().id, selection.considered());
            Uni<Outcome> outcome = selection.chosen()
                    .map(chosen -> records.assign(routed.leadId(), routed.scored(), routed.trail(), routed.evidence(),
                                    null, locked.pool().id, chosen.sdrId(), name(locked, chosen.sdrId()), current.at(),
                                    routed.trace())
                            .replaceWith(Outcome.ASSIGNED))
                    .orElseGet(() -> hold(routed, current, selection.retryAt().orElse(null)));
            return outcome.call(() -> poolStates.store(locked.pool().id, locked.state(), selection.next()));
        });
    }

    private Uni<Outcome> hold(Routed routed, LockedPool pool, java.time.Instant retryAt) {
        SdrPool settings = pool.pool();
        Duration fallbackAfter = settings.fallbackPoolId == null ? null
                : Duration.ofSeconds(settings.fallbackAfterSeconds == null ? 0 : settings.fallbackAfterSeconds);
        routed.trace().step("held", "nobody in pool " + settings.id + " can take it now"
                + (retryAt == null ? "" : "; a member is back at " + retryAt)
                + (fallbackAfter == null ? "" : "; to pool " + settings.fallbackPoolId + " after " + fallbackAfter));
        meters.counter("leadflow.routing.held", "pool", settings.id).increment();
        LOG.infof("lead %s waits in pool %s: nobody can take it now", routed.leadId(), settings.id);
        return records.hold(routed.leadId(), routed.scored(), routed.trail(), routed.evidence(), settings.id, pool.at(),
                retryAt, fallbackAfter, routed.trace()).replaceWith(Outcome.HELD);
    }

    /** RevOps is told of a lead no rule matched: a metric and LeadUnmatched, whatever became of it in the catch-all. */
    private Uni<Void> unmatched(Routed routed, String catchAll, Outcome outcome) {
        if (outcome == Outcome.ALREADY_ASSIGNED) {
            return Uni.createFrom().voidItem();
        }
        meters.counter("leadflow.routing.unmatched", "ruleSet", routed.rule().ruleSetVersion()).increment();
        return assignments.findForLead(routed.leadId()).chain(assignment -> outbox.append(LeadUnmatched.TYPE,
                routed.leadId(), LeadUnmatched.of(routed.rule(), routed.scored(),
                        assignment != null ? assignment.poolId : catchAll,
                        switch (outcome) {
                            case ASSIGNED -> "assigned";
                            case HELD -> "held";
                            default -> "unroutable";
                        }, assignment == null ? null : assignment.sdrId))).replaceWithVoid();
    }

    private static String name(LockedPool locked, String sdrId) {
        Sdr sdr = locked.sdrs().get(sdrId);
        return sdr == null ? null : sdr.name;
    }

    private static Uni<Outcome> alreadyAssigned(UUID leadId) {
        LOG.debugf("lead %s is already assigned; a new score does not reassign it", leadId);
        return Uni.createFrom().item(Outcome.ALREADY_ASSIGNED);
    }

    private static Uni<Outcome> alreadyHeld(UUID leadId) {
        LOG.debugf("lead %s already waits in a hold queue; a new score does not route it again", leadId);
        return Uni.createFrom().item(Outcome.ALREADY_ASSIGNED);
    }
}
