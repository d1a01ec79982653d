package io.leadflow.enrichment.company;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.domain.Company;
import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.enrichment.domain.Geography;
import io.leadflow.enrichment.repository.ProviderCache;
import io.leadflow.enrichment.repository.ReferenceCompanies;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider waterfall ({@code leadflow.enrichment.providers.waterfall}): what the providers say about a company
 * domain. Local providers (reference data) are asked inline; remote ones (HTTP) are read from the cache, and asked in
 * the background, in waterfall order, only while the company still misses a field.
 */
@ApplicationScoped
public class CompanyLookup {

    private static final Logger LOG = Logger.getLogger(CompanyLookup.class);
    public static final String REFERENCE = "reference";

    /** What the providers said so far: their answers as company sources, and the remote ones not asked yet. */
    public record Answers(List<Company.Source> sources, List<String> unanswered) {
        public static final Answers NONE = new Answers(List.of(), List.of());
    }

    private final Map<String, CompanyProvider> waterfall = new LinkedHashMap<>();
    private final Map<String, EnrichmentConfig.HttpProvider> remoteSettings;
    private final ProviderCache cache;
    private final Geography geography = Geography.shipped();

    public CompanyLookup(EnrichmentConfig config, ReferenceCompanies reference, ProviderCache cache, ObjectMapper mapper,
                         MeterRegistry meters) {
        this.cache = cache;
        this.remoteSettings = config.providers().http();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String name : config.providers().waterfall()) {
            if (name.isBlank()) {
                continue;
            }
            if (REFERENCE.equals(name)) {
                waterfall.put(name, new ReferenceDataProvider(reference, config.referenceData().confidence()));
            } else if (remoteSettings.containsKey(name)) {
                waterfall.put(name, new HttpCompanyProvider(name, remoteSettings.get(name), http, mapper, meters));
            } else {
                throw new IllegalArgumentException("leadflow.enrichment.providers.waterfall: " + name
                        + " is neither reference nor a provider configured under leadflow.enrichment.providers.http");
            }
        }
    }

    /** For tests and the README: the providers in waterfall order. */
    public List<String> names() {
        return List.copyOf(waterfall.keySet());
    }

    /** What is known of this domain now: local providers asked, remote ones from the cache. */
    public Uni<Answers> known(String domain) {
        if (domain == null || waterfall.isEmpty()) {
            return Uni.createFrom().item(Answers.NONE);
        }
        boolean anyRemote = waterfall.values().stream().anyMatch(CompanyProvider::remote);
        Uni<Map<String, Optional<CompanyFacts>>> cached = anyRemote ? cache.answers(domain) : Uni.createFrom().item(Map.of());
        return cached.chain(fromCache -> {
            List<Company.Source> sources = new ArrayList<>();
            List<String> unanswered = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CompanyProvider provider : waterfall.values()) {
                if (provider.remote()) {
                    chain = chain.invoke(() -> {
                        Optional<CompanyFacts> answer = fromCache.get(provider.name());
                        if (answer == null) {
                            unanswered.add(provider.name());
                        } else {
                            answer.ifPresent(facts -> sources.add(source(provider, facts)));
                        }
                    });
                } else {
                    chain = chain.chain(() -> provider.lookup(domain))
                            .invoke(answer -> answer.ifPresent(facts -> sources.add(source(provider, facts))))
                            .replaceWithVoid();
                }
            }
            return chain.map(done -> new Answers(List.copyOf(sources), List.copyOf(unanswered)));
        });
    }

    /** The remote providers still worth asking: none when the company is complete or every provider has answered. */
    public List<String> pending(Answers answers, List<Company.Source> leadSources) {
        if (answers.unanswered().isEmpty()) {
            return List.of();
        }
        List<Company.Source> all = new ArrayList<>(leadSources);
        all.addAll(answers.sources());
        return Company.merge(all, geography).complete() ? List.of() : answers.unanswered();
    }

    /**
     * Asks these remote providers in waterfall order, caching each answer, and stops as soon as the company is complete.
     * Never fails: a provider that could not answer is logged and left uncached, to be asked again later.
     */
    public Uni<Void> ask(String domain, List<String> providers, List<Company.Source> known) {
        List<Company.Source> sources = new ArrayList<>(known);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String name : providers) {
            CompanyProvider provider = waterfall.get(name);
            if (provider == null) {
                continue; // removed from the configuration since the lead was captured
            }
            chain = chain.chain(() -> Company.merge(sources, geography).complete()
                    ? Uni.createFrom().voidItem()
                    : provider.lookup(domain)
                        .call(answer -> cache.put(name, domain, answer, answer.isPresent()
                                ? remoteSettings.get(name).cacheTtl() : remoteSettings.get(name).notFoundTtl()))
                        .invoke(answer -> answer.ifPresent(facts -> sources.add(source(provider, facts))))
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            LOG.infof("provider %s gave no answer for %s: %s", name, domain, failure.toString());
                            return null;
                        }));
        }
        return chain;
    }

    private static Company.Source source(CompanyProvider provider, CompanyFacts facts) {
        return new Company.Source("provider:" + provider.name(), provider.confidence(), facts);
    }
}
