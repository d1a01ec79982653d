package io.leadflow.capture.imports;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/**
 * Throughput and memory of one large import, printed, not asserted (the figures depend on the machine).
 * Off by default (a few minutes): {@code ./mvnw -pl capture-service -am verify -Dtest=CsvImportBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dleadflow.benchmark=true [-Dleadflow.benchmark.rows=100000]}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class CsvImportBenchmarkTest {

    @Test
    void aLargeFileStreamsThroughWithBoundedMemory() throws Exception {
        int rows = Integer.getInteger("leadflow.benchmark.rows", 100_000);
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        Path file = Files.createTempFile("leads-", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("Email,First Name,Last Name,Company Name,Job Title,Country,Phone Number,Consent,Notes\r\n");
                for (int i = 0; i < rows; i++) {
                    out.write("visitor" + i + "@" + domain + ",First" + i + ",Last" + i + ",\"Company " + (i % 5000)
                            + ", Inc.\",Head of Sales,FR,+33 6 12 34 " + String.format("%02d %02d", (i / 100) % 100, i % 100)
                            + ",yes,\"Met at booth B" + (i % 40) + "\"\r\n");
                }
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            // The heap is sampled every 20 ms while the import runs (a sampling rate, not a wait).
            java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 3_600_000)))
                    .auth().oauth2(TestTokens.integration()).contentType("text/csv; charset=utf-8").body(file.toFile())
                    .when().post("/api/v1/imports?source=benchmark").then().statusCode(200)
                    .body("rows", is(rows)).body("created", is(rows));
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.shutdown();
            sampler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            // Heap used includes garbage not yet collected; what survives the collections (the old generation after
            // its last collection) is what the import holds on to.
            long retained = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("CSV import benchmark: %d rows, %d MB in %.1f s = %.0f rows/s; heap used %d MB before, peak %d MB"
                            + " (garbage included), %d MB live after the last collections, %d MB after (JVM max %d MB; the test"
                            + " client and the server share this JVM)%n", rows, Files.size(file) / (1024 * 1024), seconds, rows / seconds,
                    before >> 20, peak.get() >> 20, retained >> 20, after >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
