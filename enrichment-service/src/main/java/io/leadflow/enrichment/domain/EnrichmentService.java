package io.leadflow.enrichment.domain;

import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.messaging.in.LeadCapturedIn;
import io.leadflow.enrichment.messaging.in.LeadErasedIn;
import io.leadflow.enrichment.messaging.out.LeadEnriched;
import io.leadflow.enrichment.repository.LeadEnrichmentRepository;
import io.leadflow.enrichment.repository.PendingEnrichments;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.incoming.PoisonEventException;
import io.leadflow.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Enriches a captured lead and publishes LeadEnriched; runs inside the consumer's inbox transaction. A lead whose company
 * is known from the form, the reference data and cached provider answers is emitted at once; one that needs a remote
 * provider waits for it within the time budget ({@link LateAnswers}), so the consumer never blocks on a provider.
 */
@ApplicationScoped
public class EnrichmentService {

    private final Enricher enricher;
    private final LateAnswers lateAnswers;
    private final LeadEnrichmentRepository enrichments;
    private final PendingEnrichments pending;
    private final Outbox outbox;
    private final ErasedLeads erasedLeads;
    private final Duration timeBudget;

    public EnrichmentService(Enricher enricher, LateAnswers lateAnswers, LeadEnrichmentRepository enrichments,
                             PendingEnrichments pending, Outbox outbox, ErasedLeads erasedLeads, EnrichmentConfig config) {
        this.enricher = enricher;
        this.lateAnswers = lateAnswers;
        this.enrichments = enrichments;
        this.pending = pending;
        this.outbox = outbox;
        this.erasedLeads = erasedLeads;
        this.timeBudget = config.timeBudget();
    }

    public Uni<Void> enrich(UUID leadId, LeadCapturedIn captured) {
        Instant deadline = Instant.now().plus(timeBudget);
        Enrichment.Input input = captured.input();
        Enrichment local;
        try {
            local = enricher.local(input);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new PoisonEventException("LeadCaptured " + leadId + ": " + e.getMessage(), e));
        }
        return enricher.known(input, local, 1).chain(known -> known.pendingProviders().isEmpty()
                ? store(leadId, captured, known.enrichment())
                : lateAnswers.wait(leadId, captured, known, deadline));
    }

    private Uni<Void> store(UUID leadId, LeadCapturedIn captured, Enrichment enrichment) {
        return enrichments.findById(leadId)
                .map(existing -> {
                    if (existing == null) {
                        return LeadEnrichment.of(leadId, enrichment);
                    }
                    existing.fill(enrichment);
                    return existing;
                })
                .chain(enrichments::persist)
                .chain(() -> outbox.append(LeadEnriched.TYPE, leadId, LeadEnriched.of(captured, enrichment)))
                .replaceWithVoid();
    }

    /**
     * What LeadEnriched would carry for this lead, computed as for a captured one from the form, the reference data and
     * the providers' cached answers, without storing or emitting anything and without calling a remote provider (it
     * would be billed): pendingProviders names those a captured lead would wait for.
     *
     * @throws IllegalArgumentException when the address has no domain
     */
    public Uni<Enrichment> preview(Enrichment.Input lead) {
        return enricher.known(lead, enricher.local(lead), 1).map(Enricher.Known::enrichment);
    }

    /**
     * Right to erasure: the lead's enrichment row (its e-mail and company domains), its waiting row (a copy of the
     * captured lead) and its outbox rows (LeadEnriched carries the whole lead) are deleted, and the lead is remembered as
     * erased so that no later event of it is applied.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> enrichments.deleteById(leadId))
                .chain(() -> pending.forget(leadId))
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }
}
