package io.leadflow.enrichment.domain;

import io.leadflow.enrichment.accounts.AccountBook;
import io.leadflow.enrichment.company.CompanyLookup;
import io.leadflow.enrichment.config.EnrichmentConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a lead's enrichment: the local facts (address, title, phone, geography, quality), then the company merged
 * from the form and what the provider waterfall knows now, and the account it belongs to. Shared by the consumer, the late answers and the preview.
 */
@ApplicationScoped
public class Enricher {

    private final EmailDomains emailDomains = EmailDomains.shipped();
    private final JobTitles jobTitles = new JobTitles(TitleWords.shipped());
    private final Geography geography = Geography.shipped();
    private final CompanyLookup companies;
    private final AccountBook accounts;
    private final double formConfidence;

    public Enricher(CompanyLookup companies, AccountBook accounts, EnrichmentConfig config) {
        this.companies = companies;
        this.accounts = accounts;
        this.formConfidence = config.formConfidence();
    }

    /**
     * The enrichment as far as it is known now, and the remote providers still to ask (then the company is not
     * complete and the caller waits for them, or emits it partial).
     */
    public record Known(Enrichment enrichment, List<String> pendingProviders, List<Company.Source> sources) {
    }

    /** @throws IllegalArgumentException when the address has no domain */
    public Enrichment local(Enrichment.Input lead) {
        return Enrichment.of(lead, emailDomains, jobTitles, geography);
    }

    /** What is known now, from the form, the reference data and the cached answers of remote providers. */
    public Uni<Known> known(Enrichment.Input lead, Enrichment local, int revision) {
        return companies.known(local.companyDomain()).map(answers -> {
            List<Company.Source> sources = new ArrayList<>(local.leadSources(lead, formConfidence));
            List<String> pending = companies.pending(answers, sources);
            sources.addAll(answers.sources());
            Company.Merged merged = Company.merge(sources, geography);
            // The account is matched on the company as merged: a provider's name helps a webmail lead find its account.
            Company company = merged.company();
            String country = company.country() != null ? company.country() : local.geography().country();
            AccountMatch account = accounts.match(company.domain(), company.name(), country).orElse(null);
            return new Known(local.withCompany(merged, account, pending, revision), pending, sources);
        });
    }

    /** Asks the pending remote providers (caching their answers); never fails. */
    public Uni<Void> ask(Known known) {
        return companies.ask(known.enrichment().companyDomain(), known.pendingProviders(), known.sources());
    }
}
