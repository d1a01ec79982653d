package io.leadflow.enrichment.company;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A real local HTTP server (WireMock) standing in for a company-data API, "firmo", configured as enrichment's second
 * provider as an operator would, with a short time budget so that tests see partial leads and late answers.
 */
public class FirmoProviderResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String p = "leadflow.enrichment.providers.http.firmo.";
        return Map.ofEntries(
                Map.entry("leadflow.enrichment.providers.waterfall", "reference,firmo"),
                Map.entry(p + "url-template", "http://localhost:" + server.port() + "/v2/companies/find?domain={domain}"),
                Map.entry(p + "headers.Authorization", "Bearer firmo-test-key"),
                Map.entry(p + "fields.name", "/name"),
                Map.entry(p + "fields.industry", "/category/industry"),
                Map.entry(p + "fields.employees", "/metrics/employees"),
                Map.entry(p + "fields.revenue", "/metrics/estimatedAnnualRevenue"),
                Map.entry(p + "fields.country", "/geo/countryCode"),
                Map.entry(p + "timeout", "PT1S"),
                Map.entry(p + "retries", "1"),
                Map.entry(p + "retry-delay", "PT0.05S"),
                Map.entry(p + "circuit-breaker-volume", "1000"),
                Map.entry("leadflow.enrichment.time-budget", "PT0.3S"),
                Map.entry("leadflow.enrichment.late-answers.retry-interval", "PT0.5S"),
                Map.entry("leadflow.enrichment.late-answers.sweep-interval", "PT0.2S"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
