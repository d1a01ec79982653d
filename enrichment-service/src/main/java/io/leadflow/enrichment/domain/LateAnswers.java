package io.leadflow.enrichment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.messaging.in.LeadCapturedIn;
import io.leadflow.enrichment.messaging.out.LeadEnriched;
import io.leadflow.enrichment.repository.PendingEnrichments;
import io.leadflow.enrichment.repository.PendingEnrichments.Waiting;
import io.leadflow.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Leads whose remote providers had not answered when the consumer saw them. Each waits in pending_enrichment until
 * whichever comes first: every provider answers (LeadEnriched, complete) or its time budget ends (LeadEnriched flagged
 * partial, naming the providers it waits for). A partial lead is completed by a late answer (LeadEnriched again, at
 * revision 2), or its providers are asked again every {@code late-answers.retry-interval} until
 * {@code late-answers.max-attempts}, then it stays partial.
 *
 * <p>Each change happens in one transaction with its outbox row, under the lead's advisory lock, re-reading the row:
 * the timer, the provider's answer, the sweeper and other replicas may race for a lead, and exactly one of them emits.
 * The sweeper also settles leads whose timer died with a process, so a restart loses no lead.
 */
@ApplicationScoped
public class LateAnswers {

    private static final Logger LOG = Logger.getLogger(LateAnswers.class);
    private static final int SWEEP_BATCH = 100;

    private final Enricher enricher;
    private final PendingEnrichments pending;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final EnrichmentConfig.LateAnswers settings;

    public LateAnswers(Enricher enricher, PendingEnrichments pending, Outbox outbox, ObjectMapper mapper, Vertx vertx,
                       MeterRegistry meters, EnrichmentConfig config) {
        this.enricher = enricher;
        this.pending = pending;
        this.outbox = outbox;
        this.mapper = mapper;
        this.vertx = vertx;
        this.meters = meters;
        this.settings = config.lateAnswers();
    }

    void schedule(@Observes StartupEvent started) {
        vertx.setPeriodic(settings.sweepInterval().toMillis(), tick -> sweep().subscribe().with(
                settled -> { },
                failure -> LOG.warnf("sweep of waiting leads failed, retrying at the next tick: %s", failure.toString())));
    }

    /** Inside the consumer's transaction: the lead waits (recorded), its providers are asked, a timer ends its budget. */
    public Uni<Void> wait(UUID leadId, LeadCapturedIn captured, Enricher.Known known, Instant deadline) {
        return pending.wait(leadId, json(captured), deadline).invoke(() -> {
            // Both settle under the lead's lock, so they wait for this transaction to commit before reading the row.
            vertx.setTimer(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                    timer -> settle(leadId).subscribe().with(done -> { }, failure -> failed(leadId, failure)));
            enricher.ask(known).chain(() -> settle(leadId))
                    .subscribe().with(done -> { }, failure -> failed(leadId, failure));
        });
    }

    /**
     * Emits the lead if it can be: complete when nothing is pending any more, partial when its budget is over.
     * Completes with whether it emitted.
     */
    public Uni<Boolean> settle(UUID leadId) {
        return pending.pool().withTransaction(tx -> pending.lockAndFind(tx, leadId).chain(waiting -> {
            if (waiting == null) {
                return Uni.createFrom().item(false); // settled already, or erased
            }
            LeadCapturedIn captured = captured(waiting);
            if (captured == null) {
                return pending.delete(tx, leadId).replaceWith(false);
            }
            boolean wasPartial = PendingEnrichments.PARTIAL.equals(waiting.status());
            Enrichment.Input input = captured.input();
            return enricher.known(input, enricher.local(input), wasPartial ? 2 : 1).chain(known -> {
                if (known.pendingProviders().isEmpty()) {
                    count(wasPartial ? "completed_late" : "completed_in_budget");
                    return emit(tx, leadId, captured, known.enrichment()).chain(() -> pending.delete(tx, leadId)).replaceWith(true);
                }
                if (!wasPartial && !Instant.now().isBefore(waiting.deadline())) {
                    count("partial");
                    return emit(tx, leadId, captured, known.enrichment())
                            .chain(() -> pending.markPartial(tx, leadId, Instant.now().plus(settings.retryInterval())))
                            .replaceWith(true);
                }
                return Uni.createFrom().item(false);
            });
        }));
    }

    /** Settles leads whose budget ended (their timer died with a process) and asks again for partial ones due. */
    public Uni<Integer> sweep() {
        return pending.due(SWEEP_BATCH).chain(due -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Waiting waiting : due) {
                chain = chain.chain(n -> (PendingEnrichments.PENDING.equals(waiting.status())
                        ? settle(waiting.leadId()) : retry(waiting.leadId()))
                        .map(emitted -> emitted ? n + 1 : n)
                        .onFailure().recoverWithItem(failure -> {
                            failed(waiting.leadId(), failure);
                            return n;
                        }));
            }
            return chain;
        });
    }

    /** A partial lead's providers asked once more (counted; given up after max-attempts), then settled. */
    private Uni<Boolean> retry(UUID leadId) {
        return pending.pool().withTransaction(tx -> pending.lockAndFind(tx, leadId).chain(waiting -> {
            if (waiting == null || !PendingEnrichments.PARTIAL.equals(waiting.status())) {
                return Uni.createFrom().item((Enricher.Known) null);
            }
            if (waiting.attempts() + 1 >= settings.maxAttempts()) {
                count("given_up");
                LOG.infof("lead %s stays partially enriched: its providers did not answer in %d attempts", leadId,
                        settings.maxAttempts());
                return pending.delete(tx, leadId).replaceWith((Enricher.Known) null);
            }
            // Backoff doubles with each attempt; the next sweep skips the lead until then.
            Instant next = Instant.now().plus(settings.retryInterval().multipliedBy(1L << Math.min(10, waiting.attempts() + 1)));
            LeadCapturedIn captured = captured(waiting);
            if (captured == null) {
                return pending.delete(tx, leadId).replaceWith((Enricher.Known) null);
            }
            Enrichment.Input input = captured.input();
            return pending.countAttempt(tx, leadId, next).chain(() -> enricher.known(input, enricher.local(input), 2));
        })).chain(known -> known == null ? Uni.createFrom().item(false) : enricher.ask(known).chain(() -> settle(leadId)));
    }

    private Uni<Void> emit(SqlClient tx, UUID leadId, LeadCapturedIn captured, Enrichment enrichment) {
        return pending.storeEnrichment(tx, LeadEnrichment.of(leadId, enrichment))
                .chain(() -> outbox.append(tx, LeadEnriched.TYPE, leadId, LeadEnriched.of(captured, enrichment)))
                .replaceWithVoid();
    }

    /** The captured lead the row keeps, or null when it cannot be read (logged: retrying would not help). */
    private LeadCapturedIn captured(Waiting waiting) {
        try {
            return mapper.readValue(waiting.captured(), LeadCapturedIn.class);
        } catch (JsonProcessingException | RuntimeException e) {
            count("unreadable");
            LOG.errorf("lead %s dropped from the waiting leads: its stored capture is unreadable: %s", waiting.leadId(),
                    e.getMessage());
            return null;
        }
    }

    private String json(LeadCapturedIn captured) {
        try {
            return mapper.writeValueAsString(captured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String outcome) {
        meters.counter("leadflow.enrichment.waiting.settled", "outcome", outcome).increment();
    }

    private static void failed(UUID leadId, Throwable failure) {
        // The row stays; the sweeper settles it at its next tick.
        LOG.warnf("settling lead %s failed, the sweeper will retry: %s", leadId, failure.toString());
    }
}
