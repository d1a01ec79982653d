package io.leadflow.sla.domain;

import io.leadflow.sla.config.SlaConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The timer behind breach detection: each replica scans every {@code leadflow.sla.scan-interval}.
 * The next scan is armed only when the previous one has finished, so the scans of one replica never
 * overlap; the scans of several replicas share the due clocks through row locks (SKIP LOCKED).
 *
 * <p>A Vert.x timer rather than {@code @Scheduled}: Quarkus' simple scheduler fires at most once a
 * second, and a first touch measured in minutes deserves sub-second breach detection. Each scan runs
 * on a fresh duplicated context marked safe, which is what Hibernate Reactive needs.
 */
@ApplicationScoped
public class BreachScan {

    private static final Logger LOG = Logger.getLogger(BreachScan.class);
    /** Full batches drained in one tick before the next tick takes over. */
    private static final int MAX_BATCHES_PER_TICK = 20;

    private final Vertx vertx;
    private final SlaService sla;
    private final long intervalMillis;
    private volatile boolean running;
    private volatile long timer = -1;

    public BreachScan(Vertx vertx, SlaService sla, SlaConfig config) {
        this.vertx = vertx;
        this.sla = sla;
        this.intervalMillis = Math.max(1, config.scanInterval().toMillis());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        arm();
        LOG.infof("breach scan every %d ms", intervalMillis);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        vertx.cancelTimer(timer);
    }

    private void arm() {
        if (running) {
            timer = vertx.setTimer(intervalMillis, id -> tick());
        }
    }

    private void tick() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain(MAX_BATCHES_PER_TICK).subscribe().with(
                done -> arm(),
                failure -> {
                    LOG.warnf("breach scan failed, the next tick retries: %s", failure.toString());
                    arm();
                }));
    }

    private Uni<Void> drain(int batchesLeft) {
        return sla.breachDueClocks().chain(count -> {
            if (count > 0) {
                LOG.debugf("%d SLA clock(s) breached", count);
            }
            return count >= sla.scanBatch() && batchesLeft > 1 ? drain(batchesLeft - 1) : Uni.createFrom().voidItem();
        });
    }
}
