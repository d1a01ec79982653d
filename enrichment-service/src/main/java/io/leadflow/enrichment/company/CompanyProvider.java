package io.leadflow.enrichment.company;

import io.leadflow.enrichment.domain.CompanyFacts;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * A source of company facts by domain, one step of the waterfall. A local provider (reference data) answers from this
 * service's database and is asked inline; a remote one (an HTTP API) is asked in the background, and its answers are
 * cached. An empty answer means the provider does not know the domain; a failure means it could not say.
 */
public interface CompanyProvider {

    /** The provider's name in the waterfall and in provenance ({@code provider:<name>}). */
    String name();

    /** How much its answers are trusted, in [0, 1]. */
    double confidence();

    boolean remote();

    Uni<Optional<CompanyFacts>> lookup(String domain);
}
