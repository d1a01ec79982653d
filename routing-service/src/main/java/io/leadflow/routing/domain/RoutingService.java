package io.leadflow.routing.domain;

import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.messaging.out.LeadAssigned;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.routing.repository.SdrPoolRepository;
import io.leadflow.routing.repository.RoutingDecisionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Decides who gets a scored lead. Runs inside the caller's transaction (the consumer's inbox
 * transaction): the decision, the assignment, the moved round-robin cursor and the LeadAssigned
 * outbox row commit together or not at all.
 */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    /** What became of a scored lead. */
    public enum Outcome {
        ASSIGNED, BELOW_THRESHOLD, NO_AVAILABLE_SDR, ALREADY_ASSIGNED, DO_NOT_CONTACT
    }

    private final RoutingConfig config;
    private final AssignmentRepository assignments;
    private final SdrPoolRepository pools;
    private final RoutingDecisionRepository decisions;
    private final Outbox outbox;

    public RoutingService(RoutingConfig config, AssignmentRepository assignments, SdrPoolRepository pools,
                          RoutingDecisionRepository decisions, Outbox outbox) {
        this.config = config;
        this.assignments = assignments;
        this.pools = pools;
        this.decisions = decisions;
        this.outbox = outbox;
    }

    /** Routes a scored lead in the default pool. Must run inside a transaction. */
    public Uni<Outcome> route(UUID leadId, ScoredLead scored) {
        return route(leadId, scored, config.defaultPool());
    }

    /**
     * Routes a scored lead in a pool: at or above the threshold it is assigned round robin, below it
     * only the decision is recorded. A lead that already has an assignment (re-scored) keeps it.
     */
    public Uni<Outcome> route(UUID leadId, ScoredLead scored, String poolId) {
        long started = System.nanoTime();
        if (scored.lead().path("doNotContact").asBoolean(false)) {
            // The person asked not to be contacted: the decision is recorded, nobody is given the lead.
            return assignments.existsForLead(leadId).chain(assigned -> assigned
                    ? alreadyAssigned(leadId)
                    : decide(leadId, RoutingDecision.DO_NOT_CONTACT, scored, null, started).replaceWith(Outcome.DO_NOT_CONTACT));
        }
        if (scored.scoreValue() < config.threshold()) {
            return assignments.existsForLead(leadId).chain(assigned -> assigned
                    ? alreadyAssigned(leadId)
                    : decide(leadId, RoutingDecision.BELOW_THRESHOLD, scored, null, started).replaceWith(Outcome.BELOW_THRESHOLD));
        }
        // The pool row stays locked until commit: the next routing of this pool, on any replica,
        // waits here and then reads the cursor this one moved. Looking for an earlier assignment
        // only once the lock is held also makes a concurrent routing of the same lead see it.
        return pools.lockForRouting(poolId).chain(pool -> assignments.existsForLead(leadId).chain(assigned -> {
            if (assigned) {
                return alreadyAssigned(leadId);
            }
            if (pool == null) {
                LOG.warnf("pool %s does not exist; lead %s is not assigned", poolId, leadId);
                return noAvailableSdr(leadId, scored, poolId, started);
            }
            return RoundRobin.next(pool.seats(), pool.cursor())
                    .map(seat -> assign(leadId, scored, poolId, seat, started))
                    .orElseGet(() -> {
                        LOG.warnf("pool %s has no active SDR; lead %s is not assigned", poolId, leadId);
                        return noAvailableSdr(leadId, scored, poolId, started);
                    });
        }));
    }

    private Uni<Outcome> assign(UUID leadId, ScoredLead scored, String poolId, RoundRobin.Seat seat, long started) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long micros = micros(started);
        Assignment assignment = Assignment.of(leadId, seat.sdrId(), poolId, scored, now, micros);
        return pools.moveCursor(poolId, seat.position())
                .chain(() -> assignments.persistAndFlush(assignment))
                .chain(() -> decisions.record(RoutingDecision.of(leadId, RoutingDecision.ASSIGNED, scored.scoreValue(),
                        config.threshold(), poolId, now, micros).assignedTo(assignment)))
                .chain(() -> outbox.append(LeadAssigned.TYPE, leadId, LeadAssigned.of(assignment, seat.sdrName())))
                .invoke(() -> LOG.debugf("lead %s assigned to %s in pool %s (%d us)", leadId, seat.sdrId(), poolId, micros))
                .replaceWith(Outcome.ASSIGNED);
    }

    private static Uni<Outcome> alreadyAssigned(UUID leadId) {
        LOG.debugf("lead %s is already assigned; a new score does not reassign it", leadId);
        return Uni.createFrom().item(Outcome.ALREADY_ASSIGNED);
    }

    private Uni<Outcome> noAvailableSdr(UUID leadId, ScoredLead scored, String poolId, long started) {
        return decide(leadId, RoutingDecision.NO_AVAILABLE_SDR, scored, poolId, started).replaceWith(Outcome.NO_AVAILABLE_SDR);
    }

    private Uni<RoutingDecision> decide(UUID leadId, String outcome, ScoredLead scored, String poolId, long started) {
        return decisions.record(RoutingDecision.of(leadId, outcome, scored.scoreValue(), config.threshold(), poolId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), micros(started)));
    }

    private static long micros(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos);
    }
}
