package io.leadflow.system.bench;

import io.leadflow.system.RunningPlatform;
import io.leadflow.system.client.SdrStream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./leadflow bench}: posts N leads to capture at a fixed rate (open loop) and measures, for
 * each, the time from the start of the HTTP request to the SDR's stream delivering it, through
 * the whole pipeline (capture, 4 outbox relays by Debezium, enrichment, scoring, routing). Then,
 * on the same broker, the same number of records at the same rate over 4 bare Kafka hops.
 * A benchmark prints figures; it asserts nothing.
 */
public final class CaptureToSdrBench {

    private static final List<String> SDRS = List.of("sdr-1", "sdr-2", "sdr-3");
    private static final int KAFKA_HOPS = 4;
    private static final java.util.regex.Pattern LEAD_ID = java.util.regex.Pattern.compile("\"leadId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int leads = intArg(args, "--leads", 300);
        double rate = Double.parseDouble(arg(args, "--rate", "20"));
        int warmup = intArg(args, "--warmup", 30);
        System.out.printf(Locale.ROOT, "Leadflow bench: %d leads at %.1f/s after %d warm-up leads; %d cores%n",
                leads, rate, warmup, Runtime.getRuntime().availableProcessors());
        int status = 0;
        try (RunningPlatform platform = RunningPlatform.start(Map.of(
                "capture-service", Map.of("LEADFLOW_CAPTURE_RATE_LIMIT_PER_SECOND", "100000",
                        "LEADFLOW_CAPTURE_RATE_LIMIT_BURST", "100000")))) {
            Map<String, Long> delivered = new ConcurrentHashMap<>();
            List<SdrStream> streams = new ArrayList<>();
            HttpClient http = SdrStream.httpClient();
            for (String sdr : SDRS) {
                streams.add(SdrStream.open(http, platform.url("routing-service", "/api/v1/sdr/stream"), platform.sdrToken(sdr),
                        (event, arrived) -> delivered.putIfAbsent(event.path("lead").path("email").asText(), arrived)));
            }
            URI capture = platform.url("capture-service", "/api/v1/leads");
            run(http, capture, delivered, warmup, Math.max(rate, 10), "warm-up");
            Result pipeline = run(http, capture, delivered, leads, rate, "pipeline");
            streams.forEach(SdrStream::close);
            StageBreakdown.print(platform.kafkaBootstrap(), pipeline.leadIds());

            long[] relay = new KafkaRelayBaseline(platform.kafkaBootstrap(), KAFKA_HOPS).run(leads, rate, Duration.ofSeconds(60));
            LatencyStats baseline = LatencyStats.of(relay);

            System.out.println();
            System.out.println("capture -> SDR notified (HTTP POST start to SSE event), " + pipeline.stats.line());
            System.out.printf(Locale.ROOT, "  delivered %d of %d, throughput %.1f leads/s, HTTP errors %d%n",
                    pipeline.stats.count(), leads, pipeline.throughput, pipeline.errors);
            System.out.println("bare Kafka relay, " + KAFKA_HOPS + " hops, same broker and rate, " + baseline.line());
            System.out.printf(Locale.ROOT, "ratio pipeline / bare relay: p50 %.1fx, p99 %.1fx%n",
                    pipeline.stats.p50Millis() / baseline.p50Millis(), pipeline.stats.p99Millis() / baseline.p99Millis());
            if (pipeline.stats.count() < leads) {
                System.out.println("WARNING: " + (leads - pipeline.stats.count()) + " lead(s) were not delivered within the deadline");
                status = 1;
            }
        }
        System.exit(status);
    }

    private record Result(LatencyStats stats, double throughput, int errors, java.util.Set<String> leadIds) {
    }

    private static Result run(HttpClient http, URI capture, Map<String, Long> delivered, int count, double rate, String label)
            throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        java.util.Set<String> leadIds = ConcurrentHashMap.newKeySet();
        CountDownLatch answered = new CountDownLatch(count);
        long interval = (long) (1_000_000_000d / rate);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            String email = "bench." + run + "." + i + "@acme-robotics.com";
            sentAt.put(email, System.nanoTime());
            http.sendAsync(HttpRequest.newBuilder(capture).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(lead(email))).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 202) {
                            errors.incrementAndGet();
                        } else {
                            leadIds.add(LEAD_ID.matcher(response.body()).results().findFirst().map(m -> m.group(1)).orElse("?"));
                        }
                        answered.countDown();
                    });
        }
        answered.await(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !sentAt.keySet().stream().allMatch(delivered::containsKey)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        long[] latencies = sentAt.entrySet().stream().filter(e -> delivered.containsKey(e.getKey()))
                .mapToLong(e -> delivered.get(e.getKey()) - e.getValue()).toArray();
        long lastDelivery = sentAt.keySet().stream().filter(delivered::containsKey).mapToLong(delivered::get).max().orElse(start);
        double seconds = (lastDelivery - start) / 1e9;
        LatencyStats stats = LatencyStats.of(latencies);
        System.out.println(label + ": " + stats.line());
        return new Result(stats, latencies.length / Math.max(seconds, 1e-9), errors.get(), leadIds);
    }

    private static String lead(String email) {
        return """
                {"email":"%s","firstName":"Ada","lastName":"Bench","company":"Acme Robotics","jobTitle":"VP Sales",
                 "phone":"+44 20 7946 0958","country":"GB","formId":"demo-request","message":"bench",
                 "utm":{"source":"bench","campaign":"latency"}}
                """.formatted(email);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }
}
