package io.leadflow.routing.domain;

import io.leadflow.messaging.scheduling.RepeatingTask;
import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.distribution.Distribution;
import io.leadflow.routing.distribution.Selection;
import io.leadflow.routing.domain.PoolStateStore.LockedPool;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pools' hold queues: leads nobody in their pool could take, waiting first in, first out. A waiting lead is
 * assigned the moment a member can take it: whenever a routing of its pool runs (waiting leads are served before the
 * new one) and at every sweep ({@code leadflow.routing.hold.sweep-interval}, one second by default), which also
 * catches what the clock alone frees (a shift starts, a period ends) and what people free (a lead closed, an SDR
 * resumed, a cap raised). A lead that waited its pool's {@code fallbackAfterSeconds} moves to the fallback pool's
 * queue (and is served there at once if someone can take it).
 *
 * <p>Everything happens under the pool's lock ({@link PoolStateStore#lock}), the same as a routing, so replicas
 * that sweep at the same time take turns and a waiting lead is assigned once.
 */
@ApplicationScoped
public class HoldQueue {

    private static final Logger LOG = Logger.getLogger(HoldQueue.class);

    /** The pool's state after serving its queue, and how many leads still wait in it. */
    public record Drained(LockedPool pool, int waiting) {
    }

    private final PoolStateStore poolStates;
    private final RoutingRecords records;
    private final MeterRegistry meters;
    private final AtomicLong waiting = new AtomicLong();
    private final RepeatingTask sweeps;

    public HoldQueue(PoolStateStore poolStates, RoutingRecords records, Vertx vertx, RoutingConfig config,
                     MeterRegistry meters) {
        this.poolStates = poolStates;
        this.records = records;
        this.meters = meters;
        this.sweeps = new RepeatingTask(vertx, "hold queue sweep", config.hold().sweepInterval(), this::sweep, LOG);
        Gauge.builder("leadflow.routing.hold.waiting", waiting, AtomicLong::get)
                .description("Leads waiting in the pools' hold queues (as of this replica's last sweep)")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        sweeps.start();
    }

    void stop(@Observes ShutdownEvent event) {
        sweeps.stop();
    }

    /** Serves every pool that has waiting leads, one transaction per pool; completes with how many still wait. */
    public Uni<Integer> sweep() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select distinct pool_id from routing_hold order by pool_id", String.class).getResultList()))
                .chain(pools -> sweep(pools, 0, 0))
                .invoke(left -> waiting.set(left));
    }

    private Uni<Integer> sweep(List<String> pools, int index, int left) {
        if (index == pools.size()) {
            return Uni.createFrom().item(left);
        }
        String poolId = pools.get(index);
        return Panache.withTransaction(() -> poolStates.lock(poolId).chain(locked -> locked == null
                        ? Uni.createFrom().item(0)
                        : drain(locked).call(drained -> poolStates.store(poolId, locked.state(), drained.pool().state()))
                        .map(Drained::waiting)))
                .chain(stillWaiting -> sweep(pools, index + 1, left + stillWaiting));
    }

    /**
     * Under the pool's lock (the caller stores the returned state): assigns the pool's waiting leads, oldest first,
     * while a member can take one, and moves those whose wait is over to the fallback pool.
     */
    public Uni<Drained> drain(LockedPool locked) {
        return Panache.getSession().chain(session -> session.createQuery(
                        "from HeldLead where poolId = :pool order by heldSince, leadId", HeldLead.class)
                .setParameter("pool", locked.pool().id)
                .getResultList())
                .chain(queue -> serve(queue, 0, locked, true, 0));
    }

    private Uni<Drained> serve(List<HeldLead> queue, int index, LockedPool current, boolean open, int left) {
        if (index == queue.size()) {
            return Uni.createFrom().item(new Drained(current, left));
        }
        HeldLead held = queue.get(index);
        if (fallbackDue(held, current)) {
            return toFallback(held, current).chain(() -> serve(queue, index + 1, current, open, left));
        }
        if (!open) {
            return serve(queue, index + 1, current, false, left + 1);
        }
        Selection selection = Distribution.select(current.state(), current.at());
        if (selection.chosen().isEmpty()) {
            held.retryAt = selection.retryAt().orElse(null);
            return serve(queue, index + 1, current, false, left + 1);
        }
        String sdrId = selection.chosen().get().sdrId();
        return Panache.getSession().chain(session -> session.find(RoutingDecision.class, held.leadId).chain(earlier -> {
            DecisionTrace trace = new DecisionTrace().after(earlier == null ? null : earlier.steps);
            trace.pool(held.poolId, selection.considered());
            trace.step("assigned-from-hold", "waited in pool " + held.poolId + " since " + held.poolSince);
            Sdr sdr = current.sdrs().get(sdrId);
            return records.assign(held.leadId, held, held.trail, earlier == null ? null : earlier.evidence,
                            held.heldSince, held.poolId, sdrId, sdr == null ? null : sdr.name, current.at(), trace)
                    .chain(() -> session.remove(held))
                    .invoke(() -> {
                        meters.counter("leadflow.routing.hold.assigned", "pool", held.poolId).increment();
                        LOG.infof("lead %s assigned to %s after waiting in pool %s since %s", held.leadId, sdrId,
                                held.poolId, held.heldSince);
                    });
        })).chain(() -> serve(queue, index + 1, current.with(selection.next()), true, left));
    }

    /** By the pool's settings now (RevOps may have changed them while the lead waited). */
    private static boolean fallbackDue(HeldLead held, LockedPool current) {
        SdrPool pool = current.pool();
        return pool.fallbackPoolId != null && !held.poolSince.plusSeconds(
                pool.fallbackAfterSeconds == null ? 0 : pool.fallbackAfterSeconds).isAfter(current.at());
    }

    /** Its wait in this pool is over: the lead joins the fallback pool's queue, served at that pool's next turn. */
    private Uni<Void> toFallback(HeldLead held, LockedPool current) {
        String from = held.poolId;
        String to = current.pool().fallbackPoolId;
        return Panache.getSession().chain(session -> session.find(SdrPool.class, to).chain(fallback -> {
            Duration after = fallback == null || fallback.fallbackPoolId == null ? null
                    : Duration.ofSeconds(fallback.fallbackAfterSeconds == null ? 0 : fallback.fallbackAfterSeconds);
            held.waitIn(to, current.at(), null, after);
            return session.find(RoutingDecision.class, held.leadId).invoke(decision -> {
                if (decision != null) {
                    decision.poolId = to;
                    decision.steps = new DecisionTrace().after(decision.steps)
                            .step("fallback", "waited in pool " + from + " since " + held.heldSince + ": to pool " + to)
                            .steps();
                }
            });
        })).invoke(() -> {
            meters.counter("leadflow.routing.hold.fallback", "pool", from).increment();
            LOG.infof("lead %s moves from pool %s to its fallback pool %s", held.leadId, from, to);
        }).replaceWithVoid();
    }
}
