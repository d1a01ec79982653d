package io.leadflow.enrichment.domain;

import io.leadflow.enrichment.messaging.in.LeadCapturedIn;
import io.leadflow.enrichment.messaging.in.LeadErasedIn;
import io.leadflow.enrichment.messaging.out.LeadEnriched;
import io.leadflow.enrichment.repository.LeadEnrichmentRepository;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.incoming.PoisonEventException;
import io.leadflow.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Enriches a captured lead and publishes LeadEnriched; runs inside the consumer's inbox transaction. */
@ApplicationScoped
public class EnrichmentService {

    private final EmailDomains emailDomains = EmailDomains.shipped();
    private final JobTitles jobTitles = new JobTitles(TitleWords.shipped());
    private final Geography geography = Geography.shipped();
    private final LeadEnrichmentRepository enrichments;
    private final Outbox outbox;
    private final ErasedLeads erasedLeads;

    public EnrichmentService(LeadEnrichmentRepository enrichments, Outbox outbox, ErasedLeads erasedLeads) {
        this.enrichments = enrichments;
        this.outbox = outbox;
        this.erasedLeads = erasedLeads;
    }

    public Uni<Void> enrich(UUID leadId, LeadCapturedIn captured) {
        Enrichment enrichment;
        try {
            enrichment = Enrichment.of(new Enrichment.Input(captured.email(), captured.firstName(), captured.lastName(),
                    captured.company(), captured.jobTitle(), captured.phone(), captured.country()), emailDomains, jobTitles, geography);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new PoisonEventException("LeadCaptured " + leadId + ": " + e.getMessage(), e));
        }
        return enrichments.findById(leadId)
                .map(existing -> existing == null ? newRow(leadId) : existing)
                .invoke(row -> {
                    row.emailDomain = enrichment.emailDomain();
                    row.emailClass = enrichment.emailClass();
                    row.companyDomain = enrichment.companyDomain();
                    row.seniority = enrichment.person().seniority();
                    row.department = enrichment.person().department();
                    row.decisionMaker = enrichment.person().decisionMaker();
                    row.roleAccount = enrichment.roleAccount();
                    row.phoneType = enrichment.phone() == null ? null : enrichment.phone().type();
                    row.region = enrichment.geography().region();
                    row.timeZone = enrichment.geography().timeZone();
                    row.dataQuality = enrichment.quality().score();
                    row.enrichedAt = Instant.now();
                })
                .chain(enrichments::persist)
                .chain(() -> outbox.append(LeadEnriched.TYPE, leadId, LeadEnriched.of(captured, enrichment)))
                .replaceWithVoid();
    }

    /**
     * What LeadEnriched would carry for this lead, computed exactly as for a captured one, without storing or
     * emitting anything (RevOps checks the reading of a title, a phone or a country before trusting it).
     *
     * @throws IllegalArgumentException when the address has no domain
     */
    public Enrichment preview(Enrichment.Input lead) {
        return Enrichment.of(lead, emailDomains, jobTitles, geography);
    }

    /**
     * Right to erasure: the lead's enrichment row (its e-mail and company domains) and its outbox rows
     * (LeadEnriched carries the whole lead) are deleted, and the lead is remembered as erased so that no
     * later event of it is applied.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> enrichments.deleteById(leadId))
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }

    private static LeadEnrichment newRow(UUID leadId) {
        LeadEnrichment row = new LeadEnrichment();
        row.leadId = leadId;
        return row;
    }
}
