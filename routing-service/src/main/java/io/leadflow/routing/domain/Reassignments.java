package io.leadflow.routing.domain;

import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.messaging.out.LeadReassigned;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.routing.repository.LeadDeclineRepository;
import io.leadflow.routing.repository.RosterRepository;
import io.leadflow.routing.repository.SdrPoolRepository;
import io.leadflow.web.ConflictException;
import io.leadflow.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Leads that leave their SDR without anyone naming the new owner: an SLA breach (to the next member of the lead's
 * pool, or to the pool's manager after {@code leadflow.routing.reassignment.escalate-after-breaches} breaches) and a
 * decline (to the next member). The next member is chosen by the pool's own method, under the pool's locks, passing
 * over the SDR the lead leaves and everyone who declined it. The moved assignment and its LeadReassigned outbox row
 * commit together. Manual reassignment is {@link AssignmentService#reassign}.
 */
@ApplicationScoped
public class Reassignments {

    /** Who LeadReassigned names for the moves this class makes. */
    public static final String BY = "routing-service";

    private static final Logger LOG = Logger.getLogger(Reassignments.class);

    /** What an SLA breach did to the lead. */
    public enum Outcome {
        /** To the next member of the pool (LeadReassigned, sla_breach). */
        REASSIGNED,
        /** To the pool's manager (LeadReassigned, escalated). */
        ESCALATED,
        /** Nobody else in the pool can take it now: it stays with its SDR, nothing is published. */
        NOBODY_AVAILABLE,
        /** Escalation was due and the manager holds the lead already: it stays. */
        KEPT_BY_MANAGER,
        /** The SDR accepted the lead (after its deadline, which is what breached it): counted, and it stays theirs. */
        ACCEPTED_LATE,
        /** The lead has no assignment any more, is qualified or closed, or another SDR holds it now: nothing to do. */
        STALE;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** A declined lead: the reason and who has it now. */
    public record Declined(UUID leadId, String reason, String reassignedTo, Instant declinedAt) {
    }

    private final int escalateAfter;
    private final AssignmentRepository assignments;
    private final LeadDeclineRepository declines;
    private final RosterRepository roster;
    private final SdrPoolRepository pools;
    private final PoolStateStore poolStates;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public Reassignments(RoutingConfig config, AssignmentRepository assignments, LeadDeclineRepository declines,
                         RosterRepository roster, SdrPoolRepository pools, PoolStateStore poolStates, Outbox outbox,
                         MeterRegistry meters) {
        this.escalateAfter = config.reassignment().escalateAfterBreaches();
        if (escalateAfter < 1) {
            throw new IllegalArgumentException("leadflow.routing.reassignment.escalate-after-breaches must be at least 1, not "
                    + escalateAfter);
        }
        this.assignments = assignments;
        this.declines = declines;
        this.roster = roster;
        this.pools = pools;
        this.poolStates = poolStates;
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * The lead's holder {@code sdrId} missed its {@code kind} deadline. Runs inside the consumer's inbox transaction;
     * the assignment is locked first, so a breach that races an acceptance, a decline or a manual move sees its
     * result. {@code escalate} is the SLA policy's word (SlaBreached's action): true sends the lead to the pool's
     * manager, false to the next member; empty (an event from before policies) counts breaches against
     * {@code leadflow.routing.reassignment.escalate-after-breaches}.
     */
    public Uni<Outcome> slaBreached(UUID leadId, String kind, String sdrId, Instant dueAt, Optional<Boolean> escalate) {
        return assignments.lockForLead(leadId).chain(assignment -> {
            if (assignment == null) {
                LOG.debugf("SLA breach of lead %s: it has no assignment; nothing to do", leadId);
                return Uni.createFrom().item(Outcome.STALE);
            }
            if (!assignment.status.open()) {
                LOG.debugf("SLA breach of lead %s: it is %s; nothing to do", leadId, assignment.status);
                return Uni.createFrom().item(Outcome.STALE);
            }
            if (!sdrId.equals(assignment.sdrId)) {
                LOG.debugf("SLA breach of lead %s by %s: %s holds it now; nothing to do", leadId, sdrId, assignment.sdrId);
                return Uni.createFrom().item(Outcome.STALE);
            }
            assignment.slaBreaches++;
            if (assignment.status == AssignmentStatus.ACCEPTED) {
                LOG.infof("lead %s: %s accepted it after its %s deadline %s; it stays theirs", leadId, sdrId, kind, dueAt);
                return Uni.createFrom().item(Outcome.ACCEPTED_LATE);
            }
            int breaches = assignment.slaBreaches;
            String note = ReassignmentPolicy.breachNote(kind, dueAt, breaches);
            int threshold = escalate.map(policySays -> policySays ? 1 : Integer.MAX_VALUE).orElse(escalateAfter);
            Uni<Optional<String>> manager = breaches >= threshold ? managerOf(assignment.poolId)
                    : Uni.createFrom().item(Optional.empty());
            return manager.chain(managerId -> switch (ReassignmentPolicy.onBreach(breaches, threshold, sdrId, managerId)) {
                case ESCALATE -> move(assignment, managerId.orElseThrow(), "escalated", note).replaceWith(Outcome.ESCALATED);
                case KEEP_WITH_MANAGER -> {
                    LOG.infof("lead %s breached %d times and its pool's manager %s holds it already; it stays", leadId,
                            breaches, sdrId);
                    yield Uni.createFrom().item(Outcome.KEPT_BY_MANAGER);
                }
                case NEXT_MEMBER_UNSTAFFED -> {
                    LOG.warnf("lead %s breached %d times but pool %s has no manager on the roster (an active SDR with "
                            + "the pool's manager e-mail); it goes to the next member instead", leadId, breaches,
                            assignment.poolId);
                    meters.counter("leadflow.routing.escalations.unstaffed", "pool", assignment.poolId).increment();
                    yield toNextMember(assignment, "sla_breach", note);
                }
                case NEXT_MEMBER -> toNextMember(assignment, "sla_breach", note);
            });
        }).invoke(outcome -> meters.counter("leadflow.routing.sla.breaches", "outcome", outcome.tag()).increment());
    }

    /**
     * The SDR gives one of their open leads back: it goes to the next available member of its pool, passing over
     * them and everyone who declined it before (LeadReassigned, reason declined). 404 when it is not their lead, 409
     * when it is qualified or closed, or when nobody else can take it now (it stays theirs).
     */
    public Uni<Declined> decline(String sdrId, UUID leadId, Decline decline) {
        return Panache.withTransaction(() -> assignments.lockOwn(sdrId, leadId).chain(assignment -> {
            if (assignment == null) {
                throw new NotFoundException("lead " + leadId + " is not one of your leads");
            }
            if (!assignment.status.open()) {
                throw new ConflictException("lead " + leadId + " is " + assignment.status.name().toLowerCase()
                        + "; only an assigned or accepted lead can be declined");
            }
            LeadDecline row = LeadDecline.of(assignment, decline.reason(), now());
            return toNextMember(assignment, "declined", decline.eventNote()).chain(outcome -> {
                if (outcome != Outcome.REASSIGNED) {
                    throw new ConflictException("nobody else in pool " + assignment.poolId + " can take lead " + leadId
                            + " now; it stays yours");
                }
                return declines.persist(row).replaceWith(() -> new Declined(leadId, decline.reason(), assignment.sdrId,
                        row.declinedAt));
            });
        })).invoke(declined -> meters.counter("leadflow.routing.declines", "reason", declined.reason()).increment());
    }

    /** The pool manager's SDR id: an active SDR whose e-mail is the pool's manager e-mail. */
    private Uni<Optional<String>> managerOf(String poolId) {
        return pools.findById(poolId).chain(pool -> pool == null || pool.managerEmail == null || pool.managerEmail.isBlank()
                ? Uni.createFrom().item(Optional.<String>empty())
                : roster.activeWithEmail(pool.managerEmail).map(sdr -> Optional.ofNullable(sdr).map(found -> found.id)));
    }

    /** To the next available member of the lead's pool but its holder and its decliners; the pool's state moves. */
    private Uni<Outcome> toNextMember(Assignment assignment, String reason, String note) {
        return declines.declinersOf(assignment.leadId).chain(decliners -> {
            Set<String> passedOver = new HashSet<>(decliners);
            passedOver.add(assignment.sdrId);
            return poolStates.lock(assignment.poolId).chain(locked -> {
                if (locked == null) {
                    LOG.warnf("lead %s: its pool %s does not exist; it stays with %s", assignment.leadId,
                            assignment.poolId, assignment.sdrId);
                    return Uni.createFrom().item(Outcome.NOBODY_AVAILABLE);
                }
                ReassignmentPolicy.Pick pick = ReassignmentPolicy.nextMember(locked.state(), passedOver, locked.at());
                if (pick.sdrId().isEmpty()) {
                    LOG.warnf("lead %s (%s): nobody else in pool %s can take it now (%s); it stays with %s",
                            assignment.leadId, reason, assignment.poolId, pick.selection().considered(), assignment.sdrId);
                    return Uni.createFrom().item(Outcome.NOBODY_AVAILABLE);
                }
                String to = pick.sdrId().get();
                return poolStates.store(assignment.poolId, pick.among(), pick.selection())
                        .chain(() -> move(assignment, to, reason, note))
                        .replaceWith(Outcome.REASSIGNED);
            });
        });
    }

    private Uni<Void> move(Assignment assignment, String to, String reason, String note) {
        String from = assignment.sdrId;
        assignment.reassign(to);
        LOG.infof("lead %s moved from %s to %s (%s)", assignment.leadId, from, to, reason);
        return outbox.append(LeadReassigned.TYPE, assignment.leadId,
                LeadReassigned.of(assignment, from, reason, note, BY, now())).replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
