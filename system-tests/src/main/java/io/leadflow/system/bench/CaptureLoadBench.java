package io.leadflow.system.bench;

import io.leadflow.localstack.Platform;
import io.leadflow.system.RunningPlatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./leadflow bench capture}: the JSON capture endpoint alone under load from this process
 * (capture-service is its own JVM; the other services are stopped so they do not compete for the
 * cores). Posts as an integration (its own rate limit, raised for the bench), first closed-loop at
 * saturation, then open-loop at a fixed rate; prints accepted leads per second and latency
 * percentiles, then checks in PostgreSQL that every accepted lead was committed with its outbox row.
 * With {@code --generator wrk} the closed loop comes from wrk, a much lighter client than this JVM.
 * A benchmark prints figures; it asserts nothing.
 */
public final class CaptureLoadBench {

    private static final int MAX_IN_FLIGHT = 256;

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.parseInt(arg(args, "--concurrency", "32"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
        double rate = Double.parseDouble(arg(args, "--rate", "1000"));
        System.out.printf(Locale.ROOT, "Capture bench: saturation with %d concurrent requests, then %.0f leads/s; %d s each; %d cores%n",
                concurrency, rate, seconds, Runtime.getRuntime().availableProcessors());
        Map<String, String> captureEnv = new java.util.HashMap<>(Map.of(
                "LEADFLOW_CAPTURE_RATE_LIMIT_INTEGRATION_PER_SECOND", "1000000",
                "LEADFLOW_CAPTURE_RATE_LIMIT_INTEGRATION_BURST", "1000000"));
        // To profile capture under this load, e.g. BENCH_CAPTURE_JAVA_OPTIONS=-XX:StartFlightRecording=filename=/tmp/capture.jfr
        String profile = System.getenv("BENCH_CAPTURE_JAVA_OPTIONS");
        if (profile != null && !profile.isBlank()) {
            captureEnv.put("JAVA_TOOL_OPTIONS", profile);
        }
        try (RunningPlatform platform = RunningPlatform.start(Map.of("capture-service", captureEnv))) {
            Platform.SERVICES.stream().map(Platform.Service::name).filter(s -> !s.equals("capture-service"))
                    .forEach(platform::stopService);
            String run = UUID.randomUUID().toString().substring(0, 8);
            Load load = new Load(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    platform.url("capture-service", "/api/v1/leads"), platform.roleToken("integration"), run);

            long accepted;
            if ("wrk".equals(arg(args, "--generator", "java"))) {
                // wrk (C, one thread) is a far lighter generator than this JVM: the endpoint, not the client, is measured.
                Wrk wrk = new Wrk(platform.url("capture-service", "/api/v1/leads"), platform.roleToken("integration"), run);
                wrk.run(concurrency, Math.max(5, seconds / 2), "warm-up");
                wrk.run(concurrency, seconds, "saturation");
                Result fixed = load.openLoop(rate, Duration.ofSeconds(seconds), "fixed rate");
                accepted = wrk.accepted + fixed.accepted;
            } else {
                load.closedLoop(concurrency, Duration.ofSeconds(Math.max(5, seconds / 2)), "warm-up");
                Result saturation = load.closedLoop(concurrency, Duration.ofSeconds(seconds), "saturation");
                Result fixed = load.openLoop(rate, Duration.ofSeconds(seconds), "fixed rate");
                accepted = saturation.accepted + fixed.accepted + load.warmupAccepted;
            }
            try (Connection db = DriverManager.getConnection(platform.jdbcUrl("capture"), platform.dbUser(), platform.dbPassword());
                 PreparedStatement leads = db.prepareStatement("select count(*) from lead where email like ?");
                 PreparedStatement outbox = db.prepareStatement(
                         "select count(*) from outbox o join lead l on o.aggregateid = l.id::text where l.email like ?")) {
                long leadRows = count(leads, "%@bench-" + run + ".example");
                long outboxRows = count(outbox, "%@bench-" + run + ".example");
                System.out.printf(Locale.ROOT, "%naccepted (202) %d; lead rows %d; outbox rows %d%n", accepted, leadRows, outboxRows);
            }
        }
        System.exit(0);
    }

    private record Result(long accepted, long errors, double perSecond, LatencyStats stats) {
    }

    /** Closed-loop load from wrk (Debian package {@code wrk}), each request a new lead. */
    private static final class Wrk {
        private static final String SCRIPT = """
                local n = 0
                local run = os.getenv("BENCH_RUN")
                local label = os.getenv("BENCH_LABEL")
                local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
                request = function()
                  n = n + 1
                  local body = string.format('{"email":"%s-%d@bench-%s.example","firstName":"Ada","lastName":"Bench",'
                    .. '"company":"Acme Robotics","jobTitle":"VP Sales","phone":"+44 20 7946 0958","country":"GB",'
                    .. '"utm":{"source":"bench","campaign":"capture"}}', label, n, run)
                  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
                end
                """;
        private final URI capture;
        private final String token;
        private final String run;
        private long accepted;

        Wrk(URI capture, String token, String run) {
            this.capture = capture;
            this.token = token;
            this.run = run;
        }

        void run(int connections, int seconds, String label) throws Exception {
            java.nio.file.Path script = java.nio.file.Files.createTempFile("capture-bench", ".lua");
            java.nio.file.Files.writeString(script, SCRIPT);
            ProcessBuilder wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "-s", script.toString(), capture.toString()).redirectErrorStream(true);
            // Each wrk run numbers its leads from 1 again: the label keeps every lead new.
            wrk.environment().put("BENCH_RUN", run);
            wrk.environment().put("BENCH_LABEL", label.replace(' ', '-'));
            wrk.environment().put("BENCH_TOKEN", token);
            Process process = wrk.start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            java.nio.file.Files.deleteIfExists(script);
            long requests = number(out, "(\\d+) requests in");
            long failed = number(out, "Non-2xx or 3xx responses: (\\d+)") + number(out, "Socket errors: connect (\\d+)");
            accepted += requests - failed; // warm-up included: every accepted lead is checked in PostgreSQL
            System.out.printf(Locale.ROOT, "%-11s (wrk, %d connections)%n%s%n", label, connections, out.strip());
        }

        private static long number(String text, String regex) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private static final class Load {
        private final HttpClient http;
        private final URI capture;
        private final String token;
        private final String run;
        private final AtomicInteger sequence = new AtomicInteger();
        private long warmupAccepted;

        Load(HttpClient http, URI capture, String token, String run) {
            this.http = http;
            this.capture = capture;
            this.token = token;
            this.run = run;
        }

        private HttpRequest next() {
            String email = "lead" + sequence.incrementAndGet() + "@bench-" + run + ".example";
            return HttpRequest.newBuilder(capture).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"email":"%s","firstName":"Ada","lastName":"Bench","company":"Acme Robotics",
                             "jobTitle":"VP Sales","phone":"+44 20 7946 0958","country":"GB",
                             "utm":{"source":"bench","campaign":"capture"}}""".formatted(email)))
                    .build();
        }

        /** {@code concurrency} requests in flight at all times: the most the endpoint can take. */
        Result closedLoop(int concurrency, Duration duration, String label) throws InterruptedException {
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            Semaphore slots = new Semaphore(concurrency);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                slots.acquire();
                long sent = System.nanoTime();
                http.sendAsync(next(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    if (failure == null && response.statusCode() == 202) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        errors.incrementAndGet();
                    }
                    slots.release();
                });
            }
            slots.acquire(concurrency);
            return report(label, latencies, errors.get(), start);
        }

        /** Requests sent on a fixed schedule whatever the answers: latency at a given load. */
        Result openLoop(double rate, Duration duration, String label) throws InterruptedException {
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            long count = (long) (rate * duration.toSeconds());
            CountDownLatch answered = new CountDownLatch((int) count);
            long interval = (long) (1e9 / rate);
            // Past the endpoint's capacity the backlog would grow without bound (thousands of open
            // connections); beyond MAX_IN_FLIGHT a due request is not sent and counted as shed.
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            long shed = 0;
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                if (!inFlight.tryAcquire()) {
                    shed++;
                    answered.countDown();
                    continue;
                }
                long sent = System.nanoTime();
                http.sendAsync(next(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    if (failure == null && response.statusCode() == 202) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        errors.incrementAndGet();
                    }
                    inFlight.release();
                    answered.countDown();
                });
            }
            answered.await(60, TimeUnit.SECONDS);
            if (shed > 0) {
                System.out.printf(Locale.ROOT, "fixed rate: %d of %d requests shed by the generator (over %d in flight): "
                        + "the endpoint is past its capacity at this rate%n", shed, count, MAX_IN_FLIGHT);
            }
            return report(label, latencies, errors.get(), start);
        }

        private Result report(String label, ConcurrentLinkedQueue<Long> latencies, long errors, long start) {
            double seconds = (System.nanoTime() - start) / 1e9;
            LatencyStats stats = LatencyStats.of(latencies.stream().mapToLong(Long::longValue).toArray());
            double perSecond = latencies.size() / seconds;
            System.out.printf(Locale.ROOT, "%-11s accepted %.0f leads/s, errors %d, %s%n", label, perSecond, errors, stats.line());
            if (label.equals("warm-up")) {
                warmupAccepted = latencies.size();
            }
            return new Result(latencies.size(), errors, perSecond, stats);
        }
    }

    private static long count(PreparedStatement query, String pattern) throws Exception {
        query.setString(1, pattern);
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
