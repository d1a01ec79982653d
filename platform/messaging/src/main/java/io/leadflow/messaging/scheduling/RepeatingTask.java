package io.leadflow.messaging.scheduling;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A task run again and again on a Vert.x timer, each run {@code interval} after the previous one has finished, so
 * that the runs of one replica never overlap (replicas share the work through row locks of their own). Each run is on
 * a fresh duplicated context marked safe, which is what Hibernate Reactive needs.
 *
 * <p>A Vert.x timer rather than {@code @Scheduled}: Quarkus' simple scheduler fires at most once a second, and a
 * breach or a waiting lead deserves sub-second handling. A failed run is logged; the next one retries.
 */
public final class RepeatingTask {

    private final Vertx vertx;
    private final String name;
    private final long intervalMillis;
    private final Supplier<Uni<?>> task;
    private final Logger log;
    private volatile boolean running;
    private volatile long timer = -1;

    public RepeatingTask(Vertx vertx, String name, Duration interval, Supplier<Uni<?>> task, Logger log) {
        this.vertx = vertx;
        this.name = name;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.task = task;
        this.log = log;
    }

    /** Arms the first run. */
    public void start() {
        running = true;
        arm();
        log.infof("%s every %d ms", name, intervalMillis);
    }

    /** No run is armed any more (one in progress finishes). */
    public void stop() {
        running = false;
        vertx.cancelTimer(timer);
    }

    private void arm() {
        if (running) {
            timer = vertx.setTimer(intervalMillis, id -> run());
        }
    }

    private void run() {
        FreshContext.run(vertx, task::get).subscribe().with(
                done -> arm(),
                failure -> {
                    log.warnf("%s failed, the next run retries: %s", name, failure.toString());
                    arm();
                });
    }
}
