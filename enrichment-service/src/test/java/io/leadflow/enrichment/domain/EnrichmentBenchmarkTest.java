package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark, not a test (off by default): the time one lead's local enrichment takes (e-mail class, role account,
 * phone, geography, job title, data quality), in one thread, after a warm-up. Run with {@code ./mvnw -pl
 * enrichment-service -am verify -Dtest=EnrichmentBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dleadflow.benchmark=true}. Prints figures; asserts nothing.
 */
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class EnrichmentBenchmarkTest {

    private static final List<Enrichment.Input> LEADS = List.of(
            new Enrichment.Input("ada@acme-robotics.com", "Ada", "Lovelace", "Acme Robotics", "VP Sales", "+44 20 7946 0958", "GB"),
            new Enrichment.Input("info@exemple.fr", null, null, "Exemple", "Directrice commerciale", "06 12 34 56 78", "FR"),
            new Enrichment.Input("grace@gmail.com", "Grace", "Hopper", null, "Senior Software Engineer", null, "US"),
            new Enrichment.Input("x@mailinator.com", null, null, null, null, "+1 800 275 2273", null),
            new Enrichment.Input("k.tanaka@example.co.jp", "Kenji", "Tanaka", "Example KK", "Head of Procurement", "+81 3-1234-5678", "JP"));

    @Test
    void localEnrichmentTakesMicroseconds() {
        EmailDomains domains = EmailDomains.shipped();
        JobTitles titles = new JobTitles(TitleWords.shipped());
        Geography geography = Geography.shipped();
        for (int i = 0; i < 200_000; i++) {
            Enrichment.of(LEADS.get(i % LEADS.size()), domains, titles, geography);
        }
        int n = 100_000;
        long[] nanos = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Enrichment.of(LEADS.get(i % LEADS.size()), domains, titles, geography);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "Local enrichment: %d leads in %.2f s (%.0f leads/s, one thread); per lead p50 %.1f us, "
                        + "p99 %.1f us, max %.1f us%n", n, seconds, n / seconds, nanos[n / 2] / 1e3, nanos[n * 99 / 100] / 1e3,
                nanos[n - 1] / 1e3);
    }
}
