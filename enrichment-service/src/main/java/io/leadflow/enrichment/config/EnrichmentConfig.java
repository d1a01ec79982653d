package io.leadflow.enrichment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** enrichment-service's settings ({@code leadflow.enrichment.*}); the README documents each. */
@ConfigMapping(prefix = "leadflow.enrichment")
public interface EnrichmentConfig {

    /**
     * How long a lead waits for its providers, from the moment enrichment starts on it: when it runs out, LeadEnriched
     * is emitted with what is known, flagged partial, and a late answer emits an update.
     */
    @WithDefault("PT0.3S")
    Duration timeBudget();

    /** How much what the person typed about their company is trusted: a provider overrides it only when more confident. */
    @WithDefault("0.8")
    double formConfidence();

    Providers providers();

    ReferenceData referenceData();

    LateAnswers lateAnswers();

    Accounts accounts();

    /** The account book leads are matched against. */
    interface Accounts {

        /** How often a replica looks for accounts other replicas or the CRM consumer wrote. */
        @WithDefault("PT10S")
        Duration refreshInterval();
    }

    interface Providers {

        /** The providers in the order they are asked: {@code reference} and the names of {@code http.<name>}. */
        @WithDefault("reference")
        List<String> waterfall();

        /** HTTP providers by name. */
        Map<String, HttpProvider> http();
    }

    /** A company-data API called by domain: a URL template and where each company field is in its JSON answer. */
    interface HttpProvider {

        /** The URL with {@code {domain}} where the domain goes, for example https://api.example.com/companies?domain={domain}. */
        String urlTemplate();

        /** Request headers (an API key: {@code headers.Authorization=Bearer ${MY_KEY}}). */
        Map<String, String> headers();

        /** Company field (name, domain, industry, employees, revenue, country) to a JSON Pointer in the answer. */
        Map<String, String> fields();

        /** How much its answers are trusted, in [0, 1]. */
        @WithDefault("0.7")
        double confidence();

        /** Time allowed for one call. */
        @WithDefault("PT1S")
        Duration timeout();

        /** Retries after a timeout, a 429 or a 5xx, with exponential backoff from {@code retry-delay}. */
        @WithDefault("2")
        int retries();

        @WithDefault("PT0.2S")
        Duration retryDelay();

        /** The circuit opens when this ratio of the last {@code circuit-breaker-volume} calls failed. */
        @WithDefault("0.5")
        double circuitBreakerRatio();

        @WithDefault("20")
        int circuitBreakerVolume();

        /** How long an open circuit refuses calls before letting one through. */
        @WithDefault("PT30S")
        Duration circuitBreakerDelay();

        /** Calls in flight at most; more are refused at once (the lead is then partial, and retried later). */
        @WithDefault("32")
        int maxInFlight();

        /** How long an answer is kept in the cache. */
        @WithDefault("P30D")
        Duration cacheTtl();

        /** How long "this provider does not know the domain" is kept in the cache. */
        @WithDefault("P7D")
        @WithName("not-found-ttl")
        Duration notFoundTtl();
    }

    /** Company reference data the operator loads: a CSV of domain, name, industry, employees, revenue, country. */
    interface ReferenceData {

        /** A CSV file loaded (upserted) at start-up. */
        Optional<String> file();

        /** Load the small demo file shipped with the service (the local run sets it; off in production). */
        @WithDefault("false")
        boolean demo();

        @WithDefault("0.9")
        double confidence();
    }

    /** Leads whose providers did not answer within the time budget. */
    interface LateAnswers {

        /** How often due leads are looked for (after a restart, or when a provider failed). */
        @WithDefault("PT1S")
        Duration sweepInterval();

        /** How long after a failed provider call it is asked again. */
        @WithDefault("PT1M")
        Duration retryInterval();

        /** Calls per provider and lead before the lead stays partial for good. */
        @WithDefault("5")
        int maxAttempts();
    }
}
