package io.leadflow.enrichment.company;

import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.enrichment.repository.ReferenceCompanies;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** The reference data the operator loaded: the first step of the waterfall, answered from this service's database. */
final class ReferenceDataProvider implements CompanyProvider {

    private final ReferenceCompanies companies;
    private final double confidence;

    ReferenceDataProvider(ReferenceCompanies companies, double confidence) {
        this.companies = companies;
        this.confidence = confidence;
    }

    @Override
    public String name() {
        return CompanyLookup.REFERENCE;
    }

    @Override
    public double confidence() {
        return confidence;
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public Uni<Optional<CompanyFacts>> lookup(String domain) {
        return companies.find(domain);
    }
}
