package io.leadflow.sla.domain;

import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.messaging.in.LeadAcceptedIn;
import io.leadflow.sla.messaging.in.LeadAssignedIn;
import io.leadflow.sla.messaging.in.LeadErasedIn;
import io.leadflow.sla.messaging.out.SlaBreached;
import io.leadflow.sla.repository.SlaClockRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Runs the first-touch clocks: started by an assignment, stopped by an acceptance, breached by the
 * scan. Every breach and its SlaBreached event commit in one transaction.
 */
@ApplicationScoped
public class SlaService {

    private static final Logger LOG = Logger.getLogger(SlaService.class);

    private final SlaClockRepository clocks;
    private final Outbox outbox;
    private final FirstTouchPolicy firstTouch;
    private final int scanBatch;
    private final Counter breaches;
    private final ErasedLeads erasedLeads;

    public SlaService(SlaClockRepository clocks, Outbox outbox, SlaConfig config, MeterRegistry meters,
                      ErasedLeads erasedLeads) {
        this.clocks = clocks;
        this.erasedLeads = erasedLeads;
        this.outbox = outbox;
        this.firstTouch = new FirstTouchPolicy(config.firstTouch());
        this.scanBatch = config.scanBatch();
        this.breaches = Counter.builder("leadflow.sla.breaches").tag("kind", FirstTouchPolicy.KIND)
                .description("SLA clocks that passed their deadline").register(meters);
    }

    /** Starts the lead's first-touch clock; runs inside the consumer's inbox transaction. A lead has one such clock. */
    public Uni<Void> startFirstTouch(UUID leadId, LeadAssignedIn assigned) {
        SlaClock clock = SlaClock.firstTouch(leadId, assigned.assignmentId(), assigned.sdrId(),
                assigned.lead().capturedAt().truncatedTo(ChronoUnit.MICROS), firstTouch);
        return clocks.startIfAbsent(clock)
                .invoke(started -> {
                    if (!started) {
                        LOG.debugf("lead %s already has a first-touch clock; assignment %s does not restart it",
                                leadId, assigned.assignmentId());
                    }
                })
                .replaceWithVoid();
    }

    /** Stops the lead's first-touch clock; an acceptance after the deadline is a breach. Inside the inbox transaction. */
    public Uni<Void> stopFirstTouch(UUID leadId, LeadAcceptedIn accepted) {
        return clocks.findForUpdate(leadId, FirstTouchPolicy.KIND).chain(clock -> {
            if (clock == null) {
                LOG.debugf("lead %s was accepted but has no first-touch clock (assigned before SLA tracking)", leadId);
                return Uni.createFrom().voidItem();
            }
            boolean breached = clock.accept(accepted.acceptedAt().truncatedTo(ChronoUnit.MICROS), now());
            return breached ? announce(clock) : Uni.createFrom().voidItem();
        });
    }

    /**
     * Claims the clocks whose deadline has passed (at most one batch), marks them breached and writes
     * one SlaBreached each, all in one transaction. Rows another replica has claimed are skipped, so
     * a clock breaches exactly once however many scans run. Needs a Vert.x context (Hibernate Reactive).
     *
     * @return how many clocks breached
     */
    public Uni<Integer> breachDueClocks() {
        return Panache.withTransaction(() -> clocks.claimDue(scanBatch).chain(due -> {
            Instant now = now();
            Uni<Void> written = Uni.createFrom().voidItem();
            for (SlaClock clock : due) {
                clock.breach(now);
                written = written.chain(() -> announce(clock));
            }
            return written.replaceWith(due.size());
        })).invoke(count -> breaches.increment(count));
    }

    /** The size of one breach scan: a scan that claims a full batch is followed at once by another. */
    public int scanBatch() {
        return scanBatch;
    }

    /** The most recent breaches, newest first. */
    @WithSession
    public Uni<List<SlaClock>> recentBreaches(int limit) {
        return clocks.recentBreaches(limit);
    }

    private Uni<Void> announce(SlaClock clock) {
        return outbox.append(SlaBreached.TYPE, clock.leadId, SlaBreached.of(clock)).replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Right to erasure. Clocks hold no personal data (ids, the SDR, times): finished ones (MET, BREACHED)
     * stay for the speed-to-lead and breach KPIs. A clock still running is deleted: it would breach, and
     * escalate, a lead nobody may call any more. The lead's outbox rows go (nothing personal in
     * SlaBreached, but one rule everywhere), and the lead is recorded as erased, so a late LeadAssigned
     * never starts a clock.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> clocks.delete("leadId = ?1 and state = ?2", leadId, ClockState.RUNNING))
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }
}
