package io.leadflow.enrichment.company;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.localstack.LocalStackTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One HTTP provider against a real local HTTP server: answers, unknown domains, slow, failing and malformed answers. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
@QuarkusTestResource(value = FirmoProviderResource.class, restrictToAnnotatedClass = true)
class HttpCompanyProviderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @InjectWireMock
    WireMockServer server;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    /** A provider of its own (own circuit breaker) on its own path of the local server. */
    private HttpCompanyProvider provider(String path, int breakerVolume) {
        EnrichmentConfig.HttpProvider settings = new EnrichmentConfig.HttpProvider() {
            public String urlTemplate() { return server.baseUrl() + path + "?domain={domain}"; }
            public Map<String, String> headers() { return Map.of("X-Api-Key", "k-123"); }
            public Map<String, String> fields() { return Map.of("name", "/company/name", "employees", "/company/size"); }
            public double confidence() { return 0.7; }
            public Duration timeout() { return Duration.ofMillis(300); }
            public int retries() { return 2; }
            public Duration retryDelay() { return Duration.ofMillis(20); }
            public double circuitBreakerRatio() { return 0.5; }
            public int circuitBreakerVolume() { return breakerVolume; }
            public Duration circuitBreakerDelay() { return Duration.ofMinutes(1); }
            public int maxInFlight() { return 8; }
            public Duration cacheTtl() { return Duration.ofDays(1); }
            public Duration notFoundTtl() { return Duration.ofHours(1); }
        };
        return new HttpCompanyProvider("p-" + UUID.randomUUID(), settings, HttpClient.newHttpClient(), mapper, meters);
    }

    private static String path() {
        return "/api/" + UUID.randomUUID();
    }

    private int calls(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void readsTheMappedFieldsSendingItsHeadersAndTheDomain() {
        String path = path();
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("domain", equalTo("acme.com")).withHeader("X-Api-Key", equalTo("k-123"))
                .willReturn(okJson("{\"company\": {\"name\": \"Acme\", \"size\": \"11-50\", \"ceo\": \"W. E. Coyote\"}}")));

        assertThat(provider(path, 20).lookup("acme.com").await().atMost(WAIT))
                .contains(new CompanyFacts("Acme", null, null, "11-50", null, null));
    }

    @Test
    void notFoundAndNoContentMeanTheProviderDoesNotKnowTheDomain() {
        String path = path();
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("domain", equalTo("unknown.com")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("domain", equalTo("empty.com")).willReturn(aResponse().withStatus(204)));
        HttpCompanyProvider provider = provider(path, 20);

        assertThat(provider.lookup("unknown.com").await().atMost(WAIT)).isEqualTo(Optional.empty());
        assertThat(provider.lookup("empty.com").await().atMost(WAIT)).isEqualTo(Optional.empty());
        assertThat(calls(path)).isEqualTo(2);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilItAnswers() {
        String path = path();
        server.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("429"));
        server.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("429")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(okJson("{\"company\": {\"name\": \"Third Time\"}}")));

        assertThat(provider(path, 20).lookup("acme.com").await().atMost(WAIT)).map(CompanyFacts::name).contains("Third Time");
        assertThat(calls(path)).isEqualTo(3);
    }

    @Test
    void aSlowProviderTimesOutOnEveryAttempt() {
        String path = path();
        server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"company\": {\"name\": \"Late\"}}").withFixedDelay(1_500)));

        assertThatThrownBy(() -> provider(path, 20).lookup("acme.com").await().atMost(WAIT)).isInstanceOf(TimeoutException.class);
        assertThat(calls(path)).isEqualTo(3); // the call and two retries, each cut at 300 ms
    }

    @Test
    void aMalformedAnswerOrARefusalIsNotRetried() {
        String malformed = path();
        server.stubFor(get(urlPathEqualTo(malformed)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        String wrongType = path();
        server.stubFor(get(urlPathEqualTo(wrongType)).willReturn(okJson("{\"company\": {\"name\": [\"A\", \"B\"]}}")));
        String refused = path();
        server.stubFor(get(urlPathEqualTo(refused)).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> provider(malformed, 20).lookup("acme.com").await().atMost(WAIT))
                .isInstanceOf(FieldMapping.MalformedAnswerException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> provider(wrongType, 20).lookup("acme.com").await().atMost(WAIT))
                .isInstanceOf(FieldMapping.MalformedAnswerException.class).hasMessageContaining("name at /company/name is ARRAY");
        assertThatThrownBy(() -> provider(refused, 20).lookup("acme.com").await().atMost(WAIT))
                .isInstanceOf(HttpCompanyProvider.ProviderRefusedException.class).hasMessageContaining("401");
        assertThat(calls(malformed)).isEqualTo(1);
        assertThat(calls(wrongType)).isEqualTo(1);
        assertThat(calls(refused)).isEqualTo(1);
    }

    @Test
    void aProviderThatKeepsFailingIsCutOffByItsCircuitBreaker() {
        String path = path();
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(401)));
        HttpCompanyProvider provider = provider(path, 4);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> provider.lookup("acme.com").await().atMost(WAIT))
                    .isInstanceOf(HttpCompanyProvider.ProviderRefusedException.class);
        }
        assertThatThrownBy(() -> provider.lookup("acme.com").await().atMost(WAIT)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(calls(path)).isEqualTo(4); // the open circuit made no call
    }

    @Test
    void aConfigurationWithoutTheDomainPlaceholderIsRefusedNamingTheSetting() {
        EnrichmentConfig.HttpProvider broken = new EnrichmentConfig.HttpProvider() {
            public String urlTemplate() { return "https://api.example.com/companies"; }
            public Map<String, String> headers() { return Map.of(); }
            public Map<String, String> fields() { return Map.of("name", "/name"); }
            public double confidence() { return 0.7; }
            public Duration timeout() { return Duration.ofSeconds(1); }
            public int retries() { return 0; }
            public Duration retryDelay() { return Duration.ofMillis(10); }
            public double circuitBreakerRatio() { return 0.5; }
            public int circuitBreakerVolume() { return 20; }
            public Duration circuitBreakerDelay() { return Duration.ofSeconds(30); }
            public int maxInFlight() { return 8; }
            public Duration cacheTtl() { return Duration.ofDays(1); }
            public Duration notFoundTtl() { return Duration.ofHours(1); }
        };
        assertThatThrownBy(() -> new HttpCompanyProvider("broken", broken, HttpClient.newHttpClient(), mapper, meters))
                .hasMessage("leadflow.enrichment.providers.http.broken.url-template: must be an http(s) URL with {domain} in it");
    }
}
