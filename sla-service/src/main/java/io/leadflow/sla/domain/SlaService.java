package io.leadflow.sla.domain;

import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.messaging.in.LeadAcceptedIn;
import io.leadflow.sla.messaging.in.LeadAssignedIn;
import io.leadflow.sla.messaging.in.LeadErasedIn;
import io.leadflow.sla.messaging.in.LeadReassignedIn;
import io.leadflow.sla.messaging.in.LeadTouchedIn;
import io.leadflow.sla.messaging.out.SlaAtRisk;
import io.leadflow.sla.messaging.out.SlaAttemptsExhausted;
import io.leadflow.sla.messaging.out.SlaBreached;
import io.leadflow.sla.messaging.out.SlaEscalated;
import io.leadflow.sla.kpi.KpiReadModel;
import io.leadflow.sla.policy.LeadFacts;
import io.leadflow.sla.policy.SlaPolicies;
import io.leadflow.sla.policy.SlaPolicy;
import io.leadflow.sla.policy.SlaPolicySet;
import io.leadflow.sla.repository.SlaClockRepository;
import io.leadflow.sla.repository.SlaLeadRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Runs the SLA clocks. An assignment starts the first-touch clock at the lead's capture; a logged touch stops it
 * and, until the person is reached, starts the next follow-up clock; a reassignment gives the new holder a fresh
 * clock; closing the lead calls the clock off. The scan warns before a deadline and breaches at it. Every change
 * and its event commit in one transaction (outbox).
 */
@ApplicationScoped
public class SlaService {

    private static final Logger LOG = Logger.getLogger(SlaService.class);

    private final SlaClockRepository clocks;
    private final SlaLeadRepository leads;
    private final SlaPolicies policies;
    private final Outbox outbox;
    private final int scanBatch;
    private final MeterRegistry meters;
    private final Timer breachDelay;
    private final ErasedLeads erasedLeads;
    private final KpiReadModel kpi;

    public SlaService(SlaClockRepository clocks, SlaLeadRepository leads, SlaPolicies policies, Outbox outbox,
                      SlaConfig config, MeterRegistry meters, ErasedLeads erasedLeads, KpiReadModel kpi) {
        this.kpi = kpi;
        this.clocks = clocks;
        this.leads = leads;
        this.policies = policies;
        this.erasedLeads = erasedLeads;
        this.outbox = outbox;
        this.scanBatch = config.scanBatch();
        this.meters = meters;
        this.breachDelay = Timer.builder("leadflow.sla.breach.delay")
                .description("From a clock's deadline to its breach being committed: how late the scan fires")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    /**
     * A lead was assigned: it falls under the first policy that matches it, and its first-touch clock starts at
     * capture. Inside the consumer's inbox transaction. A lead assigned again (a repeated event, or routed anew
     * after it was closed) keeps its record; a new clock starts only when it is open and none runs.
     */
    public Uni<Void> assigned(UUID leadId, LeadAssignedIn assigned) {
        return leads.findForUpdate(leadId).chain(known -> {
            if (known != null) {
                known.assignmentId = assigned.assignmentId();
                known.sdrId = assigned.sdrId();
                known.poolId = assigned.poolId();
                return restartIfIdle(known, micros(assigned.assignedAt() != null ? assigned.assignedAt() : Instant.now()));
            }
            SlaPolicySet set = policies.active();
            LeadFacts facts = assigned.facts();
            SlaPolicy policy = set.policyFor(facts);
            SlaLead lead = new SlaLead();
            lead.leadId = leadId;
            lead.policyId = policy.id();
            lead.policyVersion = set.version();
            lead.assignmentId = assigned.assignmentId();
            lead.sdrId = assigned.sdrId();
            lead.poolId = assigned.poolId();
            lead.capturedAt = micros(assigned.lead().capturedAt());
            lead.assignedAt = micros(assigned.assignedAt() != null ? assigned.assignedAt() : Instant.now());
            lead.facts = facts.asMap();
            SlaClock clock = SlaClock.start(lead, 1, lead.capturedAt, policy);
            return leads.persist(lead).chain(() -> clocks.persist(clock)).replaceWithVoid();
        });
    }

    /** The SDR accepted the lead. It stops the first-touch clock only where the policy counts an acceptance as a touch. */
    public Uni<Void> accepted(UUID leadId, LeadAcceptedIn accepted) {
        Instant at = micros(accepted.acceptedAt());
        return clocks.runningForUpdate(leadId).chain(running -> leads.findForUpdate(leadId).chain(lead -> {
            if (lead == null) {
                LOG.debugf("lead %s was accepted but was never assigned under SLA tracking", leadId);
                return Uni.createFrom().voidItem();
            }
            if (lead.acceptedAt == null) {
                lead.acceptedAt = at;
            }
            SlaPolicy policy = policies.active().policy(lead.policyId);
            if (!policy.acceptCountsAsTouch() || lead.firstTouchAt != null) {
                return Uni.createFrom().voidItem();
            }
            lead.firstTouchAt = at;
            recordSpeedToLead(lead);
            if (running == null || running.attempt != 1) {
                return Uni.createFrom().voidItem();
            }
            return (running.stop(at, "accepted") ? breach(running, now()) : Uni.createFrom().voidItem())
                    .chain(() -> firstClockOutcome(running));
        }));
    }

    /**
     * The SDR logged a touch (attempt n). The running clock stops (late when past its deadline). Contact ends the
     * chase; without contact the next follow-up clock starts, or, when the policy's attempts are used, the lead goes
     * to nurture (SlaAttemptsExhausted).
     */
    public Uni<Void> touched(UUID leadId, LeadTouchedIn touch) {
        Instant at = micros(touch.touchedAt());
        return clocks.runningForUpdate(leadId).chain(running -> leads.findForUpdate(leadId).chain(lead -> {
            if (lead == null || lead.closedAt != null) {
                LOG.debugf("touch of lead %s: not tracked or closed; nothing to do", leadId);
                return Uni.createFrom().voidItem();
            }
            SlaPolicy policy = policies.active().policy(lead.policyId);
            boolean first = lead.touched(at, touch.outcome());
            if (first) {
                recordSpeedToLead(lead);
            }
            Uni<Void> stopped = running != null && running.stop(at, "touched") ? breach(running, now())
                    : Uni.createFrom().voidItem();
            if (first && running != null) {
                stopped = stopped.chain(() -> firstClockOutcome(running));
            }
            if (lead.contactedAt != null) {
                return stopped;
            }
            if (lead.attempts >= policy.maxAttempts()) {
                lead.close(at, "attempts_exhausted");
                SlaAttemptsExhausted exhausted = new SlaAttemptsExhausted(policy.id(), lead.sdrId, lead.assignmentId,
                        lead.poolId, lead.attempts, at, SlaAttemptsExhausted.REASON);
                meters.counter("leadflow.sla.attempts.exhausted", "policy", policy.id()).increment();
                return stopped.chain(() -> outbox.append(SlaAttemptsExhausted.TYPE, leadId, exhausted)).replaceWithVoid();
            }
            SlaClock next = SlaClock.start(lead, lead.nextAttempt(), at, policy);
            return stopped.chain(this::flush).chain(() -> clocks.persist(next)).replaceWithVoid();
        }));
    }

    /**
     * The lead moved to another SDR (a breach, a decline, an escalation, RevOps by hand). The old holder's running
     * clock is called off and the new holder gets the same action's full time from the move; a lead whose clock had
     * already breached gets a fresh one as well, so the new holder is held to the promise too.
     */
    public Uni<Void> reassigned(UUID leadId, LeadReassignedIn moved) {
        Instant at = micros(moved.reassignedAt());
        return clocks.runningForUpdate(leadId).chain(running -> leads.findForUpdate(leadId).chain(lead -> {
            if (lead == null) {
                LOG.debugf("lead %s was reassigned but was never assigned under SLA tracking", leadId);
                return Uni.createFrom().voidItem();
            }
            lead.assignmentId = moved.assignmentId();
            lead.sdrId = moved.sdrId();
            if (moved.poolId() != null) {
                lead.poolId = moved.poolId();
            }
            if (running != null) {
                running.cancel(at, "reassigned");
            }
            if (!lead.open()) {
                return Uni.createFrom().voidItem();
            }
            SlaClock next = SlaClock.start(lead, lead.nextAttempt(), at, policies.active().policy(lead.policyId));
            return flush().chain(() -> clocks.persist(next)).replaceWithVoid();
        }));
    }

    /** The lead was qualified, disqualified or sent to nurture: nothing more is owed, the running clock is called off. */
    public Uni<Void> closed(UUID leadId, Instant closedAt, String reason) {
        Instant at = micros(closedAt);
        return clocks.runningForUpdate(leadId).chain(running -> leads.findForUpdate(leadId).invoke(lead -> {
            if (running != null) {
                running.cancel(at, reason);
            }
            if (lead != null) {
                lead.close(at, reason);
            }
        })).replaceWithVoid();
    }

    /**
     * Claims the clocks whose deadline has passed (at most one batch), marks them breached and writes one
     * SlaBreached each (and SlaEscalated where the policy says so), all in one transaction. Rows another replica
     * has claimed are skipped, so a clock breaches exactly once however many scans run. Needs a Vert.x context.
     *
     * @return how many clocks breached
     */
    public Uni<Integer> breachDueClocks() {
        return Panache.withTransaction(() -> clocks.claimDue(scanBatch).chain(due -> {
            Uni<Void> written = Uni.createFrom().voidItem();
            for (SlaClock clock : due) {
                written = written.chain(() -> breach(clock, now()));
            }
            return written.replaceWith(due.size());
        }));
    }

    /**
     * Claims the running clocks whose at-risk time has passed and writes one SlaAtRisk each, in one transaction;
     * shared between replicas like the breach scan.
     *
     * @return how many warnings went out
     */
    public Uni<Integer> warnAtRiskClocks() {
        return Panache.withTransaction(() -> clocks.claimAtRisk(scanBatch).chain(atRisk -> {
            Instant now = now();
            Uni<Void> written = Uni.createFrom().voidItem();
            for (SlaClock clock : atRisk) {
                clock.warned(now);
                meters.counter("leadflow.sla.at.risk", "policy", clock.policyId).increment();
                written = written.chain(() -> outbox.append(SlaAtRisk.TYPE, clock.leadId, SlaAtRisk.of(clock)).replaceWithVoid());
            }
            return written.replaceWith(atRisk.size());
        }));
    }

    /** The size of one scan: a scan that claims a full batch is followed at once by another. */
    public int scanBatch() {
        return scanBatch;
    }

    /** The most recent breaches, newest first. */
    @WithSession
    public Uni<List<SlaClock>> recentBreaches(int limit) {
        return clocks.recentBreaches(limit);
    }

    /** The running clocks whose at-risk warning went out, nearest deadline first. */
    @WithSession
    public Uni<List<SlaClock>> atRisk(int limit) {
        return clocks.atRisk(limit);
    }

    /** The lead's SLA record and its clocks, oldest first; null when the lead was never assigned under tracking. */
    public record Trace(SlaLead lead, List<SlaClock> clocks) {
    }

    @WithSession
    public Uni<Trace> trace(UUID leadId) {
        return leads.findById(leadId).chain(lead -> lead == null ? Uni.createFrom().<Trace>nullItem()
                : clocks.list("leadId = ?1 order by startedAt, attempt", leadId).map(list -> new Trace(lead, list)));
    }

    /** The KPI's SLA attainment: a first-touch clock met in time counts as met (a breach was counted when it came). */
    private Uni<Void> firstClockOutcome(SlaClock clock) {
        return clock.attempt == 1 && clock.state == ClockState.MET ? kpi.slaOutcome(clock.leadId, true)
                : Uni.createFrom().voidItem();
    }

    /** Numbers the breach among the lead's, marks the clock and announces it; a late action breaches the same way. */
    private Uni<Void> breach(SlaClock clock, Instant now) {
        return clocks.breachesOf(clock.leadId).chain(before -> {
            SlaPolicy policy = policies.active().policy(clock.policyId);
            clock.breach(now, (int) (before + 1));
            boolean escalate = policy.escalates(clock.breachNumber);
            meters.counter("leadflow.sla.breaches", "policy", clock.policyId, "kind", clock.kind).increment();
            breachDelay.record(Duration.between(clock.dueAt, clock.breachedAt));
            Uni<Void> breached = outbox.append(SlaBreached.TYPE, clock.leadId, SlaBreached.of(clock, escalate))
                    .replaceWithVoid();
            if (clock.attempt == 1) {
                breached = breached.chain(() -> kpi.slaOutcome(clock.leadId, false));
            }
            if (!escalate) {
                return breached;
            }
            meters.counter("leadflow.sla.escalations", "policy", clock.policyId).increment();
            return breached.chain(() -> outbox.append(SlaEscalated.TYPE, clock.leadId, SlaEscalated.of(clock)))
                    .replaceWithVoid();
        });
    }

    /** A lead with no running clock but still owing an action (the last one breached) gets one for its new holder. */
    private Uni<Void> restartIfIdle(SlaLead lead, Instant at) {
        return clocks.runningForUpdate(lead.leadId).chain(running -> {
            if (running != null || !lead.open()) {
                return Uni.createFrom().voidItem();
            }
            return clocks.persist(SlaClock.start(lead, lead.nextAttempt(), at, policies.active().policy(lead.policyId)))
                    .replaceWithVoid();
        });
    }

    private void recordSpeedToLead(SlaLead lead) {
        Timer.builder("leadflow.sla.speed.to.lead")
                .description("From capture to the first touch (or the acceptance, where the policy counts it)")
                .tag("policy", lead.policyId)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(meters)
                .record(Duration.between(lead.capturedAt, lead.firstTouchAt).abs());
    }

    private Uni<Void> flush() {
        // The called-off clock must reach the database before the new one: one running clock per lead (unique index).
        return Panache.getSession().chain(session -> session.flush());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Right to erasure. Clocks hold no personal data (ids, the SDR, times): finished ones stay for the speed-to-lead
     * and breach KPIs. A running clock is deleted: it would warn, breach and escalate a lead nobody may call any
     * more; the lead's SLA record is closed. The lead's outbox rows go, and the lead is recorded as erased, so a late
     * LeadAssigned never starts a clock.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> clocks.delete("leadId = ?1 and state = ?2", leadId, ClockState.RUNNING))
                .chain(() -> leads.findForUpdate(leadId))
                .invoke(lead -> {
                    if (lead != null) {
                        lead.close(micros(erased.erasedAt()), "erased");
                    }
                })
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }
}
