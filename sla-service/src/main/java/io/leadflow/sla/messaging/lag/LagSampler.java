package io.leadflow.sla.messaging.lag;

import io.leadflow.messaging.scheduling.RepeatingTask;
import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.domain.ConsumerLag;
import io.leadflow.sla.domain.DeadLetterDepth;
import io.leadflow.sla.domain.LagHistory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the pipeline health every {@code leadflow.sla.ops.lag-interval} and keeps the latest sample for the ops
 * endpoints and the gauges, so that they answer from memory. Samples run one at a time on a thread of their own (the
 * reader blocks on Kafka, at most {@code lag-timeout}); each one feeds the {@link LagHistory} that tells stalled
 * consumers. A failed sample leaves the previous one in place; the next run retries.
 */
@ApplicationScoped
public class LagSampler {

    private static final Logger LOG = Logger.getLogger(LagSampler.class);

    /** One sample: the lag with each partition's status, and the dead-letter depths. */
    public record Health(ConsumerLag.Report lag, DeadLetterDepth.Report deadLetters) {
    }

    private final KafkaLagReader reader;
    private final LagHistory history;
    private final LagMetrics metrics;
    private final Timer succeeded;
    private final Timer failed;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread sampler = new Thread(task, "sla-lag-sampler");
        sampler.setDaemon(true);
        return sampler;
    });
    private final AtomicReference<CompletableFuture<Health>> inFlight = new AtomicReference<>();
    private final RepeatingTask schedule;
    private volatile Health latest;

    public LagSampler(Vertx vertx, KafkaLagReader reader, SlaConfig config, MeterRegistry meters) {
        this.reader = reader;
        this.history = new LagHistory(config.ops().stallSamples());
        this.metrics = new LagMetrics(meters);
        this.succeeded = sampleTimer(meters, "ok");
        this.failed = sampleTimer(meters, "failed");
        this.schedule = new RepeatingTask(vertx, "pipeline health sample", config.ops().lagInterval(),
                () -> Uni.createFrom().completionStage(this::shared), LOG);
    }

    private static Timer sampleTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("leadflow.kafka.lag.sample").tag("outcome", outcome)
                .description("Time to sample consumer lag, record ages and dead-letter depth from Kafka").register(meters);
    }

    void start(@Observes StartupEvent event) {
        schedule.start();
    }

    void stop(@Observes ShutdownEvent event) {
        schedule.stop();
    }

    /** Takes a new sample, after any sample already running, and returns it (tests drive the history with this). */
    public Uni<Health> sample() {
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(this::sampleNow, thread));
    }

    /**
     * The latest sample; before the first one has succeeded, a sample taken now (shared by concurrent callers).
     * Fails when Kafka does not answer within the reader's timeout.
     */
    public Uni<Health> latest() {
        Health current = latest;
        return current != null ? Uni.createFrom().item(current) : Uni.createFrom().completionStage(this::shared);
    }

    public Duration timeout() {
        return reader.timeout();
    }

    /** The sample running now, or a new one: the timer and the first requests never queue samples behind each other. */
    private CompletableFuture<Health> shared() {
        while (true) {
            CompletableFuture<Health> running = inFlight.get();
            if (running != null && !running.isDone()) {
                return running;
            }
            CompletableFuture<Health> next = new CompletableFuture<>();
            if (inFlight.compareAndSet(running, next)) {
                CompletableFuture.supplyAsync(this::sampleNow, thread).whenComplete((health, failure) -> {
                    if (failure != null) {
                        next.completeExceptionally(failure);
                    } else {
                        next.complete(health);
                    }
                });
                return next;
            }
        }
    }

    private Health sampleNow() {
        long started = System.nanoTime();
        try {
            KafkaLagReader.Reading reading = reader.read();
            Health health = new Health(history.observe(reading.lag()), reading.deadLetters());
            latest = health;
            metrics.update(health.lag(), health.deadLetters());
            long took = System.nanoTime() - started;
            succeeded.record(took, TimeUnit.NANOSECONDS);
            LOG.debugf("pipeline health sampled in %d ms: %d group(s), %d dead-letter topic(s)",
                    TimeUnit.NANOSECONDS.toMillis(took), health.lag().groups().size(), health.deadLetters().topics().size());
            return health;
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        schedule.stop();
        thread.shutdownNow();
        thread.awaitTermination(2, TimeUnit.SECONDS);
    }
}
