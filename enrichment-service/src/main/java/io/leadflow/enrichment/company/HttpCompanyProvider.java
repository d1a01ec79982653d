package io.leadflow.enrichment.company;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.domain.CompanyFacts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A company-data API plugged in by configuration (a Clearbit-, Apollo- or in-house-style API): GET on a URL template
 * with the domain, the fields read from the JSON answer by {@link FieldMapping}. 200 is an answer, 404 and 204 say the
 * provider does not know the domain; a timeout, a 429 or a 5xx is retried with exponential backoff; other statuses and
 * unreadable answers are failures not worth retrying. A circuit breaker stops calling a provider that keeps failing, and
 * a bulkhead bounds the calls in flight (SmallRye Fault Tolerance).
 */
public final class HttpCompanyProvider implements CompanyProvider {

    private static final Logger LOG = Logger.getLogger(HttpCompanyProvider.class);

    private final String name;
    private final EnrichmentConfig.HttpProvider config;
    private final FieldMapping mapping;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final TypedGuard<Uni<Optional<CompanyFacts>>> guard;

    /** @throws IllegalArgumentException naming the setting when the configuration is unusable */
    public HttpCompanyProvider(String name, EnrichmentConfig.HttpProvider config, HttpClient http, ObjectMapper mapper,
                               MeterRegistry meters) {
        String where = "leadflow.enrichment.providers.http." + name + ".";
        if (!config.urlTemplate().contains("{domain}") || !config.urlTemplate().matches("(?i)https?://.+")) {
            throw new IllegalArgumentException(where + "url-template: must be an http(s) URL with {domain} in it");
        }
        if (config.confidence() < 0 || config.confidence() > 1) {
            throw new IllegalArgumentException(where + "confidence: must be between 0 and 1");
        }
        try {
            this.mapping = FieldMapping.of(config.fields());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        this.name = name;
        this.config = config;
        this.http = http;
        this.mapper = mapper;
        this.meters = meters;
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Optional<CompanyFacts>>>() { })
                .withDescription("company provider " + name)
                .withRetry()
                    .maxRetries(config.retries())
                    .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .withExponentialBackoff().factor(2).done()
                    .abortOn(List.of(ProviderRefusedException.class, FieldMapping.MalformedAnswerException.class,
                            CircuitBreakerOpenException.class, BulkheadException.class))
                    .done()
                .withCircuitBreaker()
                    .name("company-provider-" + name)
                    .requestVolumeThreshold(config.circuitBreakerVolume())
                    .failureRatio(config.circuitBreakerRatio())
                    .delay(config.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withBulkhead().limit(config.maxInFlight()).queueSize(1).done()
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double confidence() {
        return config.confidence();
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public Uni<Optional<CompanyFacts>> lookup(String domain) {
        Timer.Sample sample = Timer.start(meters);
        return guard.get(() -> call(domain))
                .onItem().invoke(answer -> outcome(sample, answer.isPresent() ? "found" : "not_found"))
                .onFailure().invoke(failure -> {
                    outcome(sample, failure instanceof CircuitBreakerOpenException ? "circuit_open"
                            : failure instanceof BulkheadException ? "too_many_in_flight" : "failed");
                    LOG.debugf("provider %s failed for %s: %s", name, domain, failure.toString());
                });
    }

    private Uni<Optional<CompanyFacts>> call(String domain) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.urlTemplate()
                        .replace("{domain}", URLEncoder.encode(domain, StandardCharsets.UTF_8))))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .GET();
        config.headers().forEach(request::header);
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()))
                .map(this::read);
    }

    private Optional<CompanyFacts> read(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 404 || status == 204) {
            return Optional.empty();
        }
        if (status == 429 || status >= 500) {
            throw new ProviderUnavailableException(name + " answered " + status);
        }
        if (status != 200) {
            throw new ProviderRefusedException(name + " answered " + status);
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new FieldMapping.MalformedAnswerException("the answer is not JSON: " + e.getMessage());
        }
        CompanyFacts facts = mapping.read(body);
        return facts.knowsNothing() ? Optional.empty() : Optional.of(facts);
    }

    private void outcome(Timer.Sample sample, String outcome) {
        sample.stop(meters.timer("leadflow.enrichment.provider.calls", "provider", name, "outcome", outcome));
    }

    /** A 429 or a 5xx: worth retrying. */
    public static class ProviderUnavailableException extends RuntimeException {
        public ProviderUnavailableException(String message) {
            super(message);
        }
    }

    /** Any other status (401, 403, 400 ...): the request itself is wrong; retrying would not help. */
    public static class ProviderRefusedException extends RuntimeException {
        public ProviderRefusedException(String message) {
            super(message);
        }
    }
}
