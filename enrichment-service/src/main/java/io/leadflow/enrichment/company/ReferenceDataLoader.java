package io.leadflow.enrichment.company;

import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.repository.ReferenceCompanies;
import io.leadflow.enrichment.repository.ProviderCache;
import io.leadflow.messaging.Retention;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * At start-up, loads the reference data file ({@code reference-data.file}) and the shipped demo file when asked
 * ({@code reference-data.demo}, set by the local run); a file that does not parse stops the service with the reasons.
 * Also purges expired provider answers every hour.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    static final String DEMO = "leadflow/reference/demo-companies.csv";

    private final EnrichmentConfig config;
    private final ReferenceCompanies companies;
    private final ProviderCache cache;
    private final Vertx vertx;

    public ReferenceDataLoader(EnrichmentConfig config, ReferenceCompanies companies, ProviderCache cache, Vertx vertx) {
        this.config = config;
        this.companies = companies;
        this.cache = cache;
        this.vertx = vertx;
    }

    void load(@Observes StartupEvent started) {
        if (config.referenceData().demo()) {
            try (InputStream demo = getClass().getClassLoader().getResourceAsStream(DEMO)) {
                load(DEMO, new InputStreamReader(demo, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        config.referenceData().file().ifPresent(file -> {
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                load(file, reader);
            } catch (IOException e) {
                throw new IllegalStateException("leadflow.enrichment.reference-data.file: cannot read " + file + ": " + e, e);
            }
        });
        Retention.every(vertx, Duration.ofHours(1), cache::purgeExpired, LOG, "expired provider answers");
    }

    private void load(String what, Reader csv) {
        ReferenceCsv.Parsed parsed = ReferenceCsv.parse(csv);
        if (!parsed.errors().isEmpty()) {
            throw new IllegalStateException("reference data " + what + " not loaded: " + parsed.errors());
        }
        int loaded = companies.upsert(parsed.companies().values()).await().atMost(Duration.ofMinutes(5));
        LOG.infof("reference data: %d companies loaded from %s", loaded, what);
    }
}
