package io.leadflow.sla.domain;

import io.leadflow.messaging.scheduling.RepeatingTask;
import io.leadflow.sla.config.SlaConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The timer behind at-risk warnings and breach detection: each replica scans every {@code leadflow.sla.scan-interval}
 * ({@link RepeatingTask}: the next scan is armed only when the previous one has finished, on a context
 * Hibernate Reactive accepts); the scans of several replicas share the due clocks through row locks
 * (SKIP LOCKED).
 */
@ApplicationScoped
public class BreachScan {

    private static final Logger LOG = Logger.getLogger(BreachScan.class);
    /** Full batches drained in one tick before the next tick takes over. */
    private static final int MAX_BATCHES_PER_TICK = 20;

    private final SlaService sla;
    private final RepeatingTask scan;

    public BreachScan(Vertx vertx, SlaService sla, SlaConfig config) {
        this.sla = sla;
        this.scan = new RepeatingTask(vertx, "breach scan", config.scanInterval(), () -> drain(MAX_BATCHES_PER_TICK), LOG);
    }

    void start(@Observes StartupEvent event) {
        scan.start();
    }

    void stop(@Observes ShutdownEvent event) {
        scan.stop();
    }

    // Warnings first: a clock whose warning and deadline fall in the same tick is warned, then breached.
    private Uni<Void> drain(int batchesLeft) {
        return sla.warnAtRiskClocks().chain(sla::breachDueClocks).chain(count -> {
            if (count > 0) {
                LOG.debugf("%d SLA clock(s) breached", count);
            }
            return count >= sla.scanBatch() && batchesLeft > 1 ? drain(batchesLeft - 1) : Uni.createFrom().voidItem();
        });
    }
}
