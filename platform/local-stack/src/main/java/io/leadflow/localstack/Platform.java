package io.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The six Leadflow services as separate processes pointed at a started stack (used by {@code ./leadflow up} and
 * the system tests). Each gets its port, its database and the local JWT key through environment variables, like
 * in production. JDK only.
 */
public final class Platform implements AutoCloseable {

    /** A service: its Maven module (= name), default HTTP port and database. */
    public record Service(String name, int defaultPort, String database) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("capture-service", 8081, "capture"),
            new Service("enrichment-service", 8082, "enrichment"),
            new Service("scoring-service", 8083, "scoring"),
            new Service("routing-service", 8084, "routing"),
            new Service("sla-service", 8085, "sla"),
            new Service("crm-sync-service", 8086, "crm_sync"));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, ServiceProcess> processes;

    private Platform(Map<String, ServiceProcess> processes) {
        this.processes = processes;
    }

    public static Builder builder(Path repoRoot, Endpoints endpoints) {
        return new Builder(repoRoot, endpoints);
    }

    public static final class Builder {
        private final Path repoRoot;
        private final Endpoints endpoints;
        private Path logDir;
        private final Map<String, Integer> ports = new HashMap<>();
        private final Map<String, Map<String, String>> extraEnv = new HashMap<>();

        private Builder(Path repoRoot, Endpoints endpoints) {
            this.repoRoot = repoRoot;
            this.endpoints = endpoints;
            this.logDir = repoRoot.resolve(".leadflow/logs");
        }

        public Builder logDir(Path dir) {
            logDir = dir;
            return this;
        }

        /** Overrides a service's HTTP port; 0 picks a free one (kept across restarts). */
        public Builder port(String service, int port) {
            ports.put(service, port);
            return this;
        }

        /** Every service on a free port (system tests). */
        public Builder freePorts() {
            SERVICES.forEach(s -> ports.put(s.name(), 0));
            return this;
        }

        /** Routing seeds its demo roster (sdr-1..3 in pool "default"): local runs, system tests, the bench. */
        public Builder demoRoster() {
            return extraEnv(Map.of("routing-service", Map.of("LEADFLOW_ROUTING_SEED_DEMO_ROSTER", "true")));
        }

        /** Extra environment per service name, e.g. {@code Map.of("routing-service", Map.of("X", "y"))}. */
        public Builder extraEnv(Map<String, Map<String, String>> env) {
            env.forEach((service, vars) -> extraEnv.computeIfAbsent(service, s -> new HashMap<>()).putAll(vars));
            return this;
        }

        /** Starts all six in parallel; returns once each answers /q/health/ready (deadline 120 s). */
        public Platform start() throws IOException, InterruptedException {
            Map<String, ServiceProcess> processes = new LinkedHashMap<>();
            for (Service s : SERVICES) {
                int port = freeIfZero(ports.getOrDefault(s.name(), s.defaultPort()));
                Map<String, String> env = new HashMap<>(serviceEnv(endpoints, s.database(), port));
                env.putAll(extraEnv.getOrDefault(s.name(), Map.of()));
                processes.put(s.name(), new ServiceProcess(s.name(),
                        repoRoot.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar"), port, env,
                        logDir.resolve(s.name() + ".log")));
            }
            Files.createDirectories(logDir);
            Platform platform = new Platform(processes);
            try {
                for (ServiceProcess p : processes.values()) {
                    p.start();
                }
                platform.awaitReady(new ArrayList<>(processes.values()));
            } catch (IOException | InterruptedException | RuntimeException e) {
                platform.close();
                throw e;
            }
            return platform;
        }
    }

    /** The environment that points one service at the stack, as in production (Quarkus env-var config). */
    public static Map<String, String> serviceEnv(Endpoints endpoints, String database, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", endpoints.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", endpoints.pgUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.pgPassword());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", endpoints.publicKeyUrl());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        if ("capture".equals(database)) {
            env.put("LEADFLOW_CAPTURE_WEBHOOKS_SECRET_KEY", endpoints.webhookSecretKey());
        }
        if ("enrichment".equals(database)) {
            // The local platform is a demo: enrichment knows the companies of its small shipped reference file.
            env.put("LEADFLOW_ENRICHMENT_REFERENCE_DATA_DEMO", "true");
        }
        return env;
    }

    private void awaitReady(List<ServiceProcess> services) throws InterruptedException {
        List<CompletableFuture<Void>> waits = services.stream().map(p -> CompletableFuture.runAsync(() -> {
            try {
                p.awaitReady(READY_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public String baseUrl(String service) {
        return process(service).baseUrl();
    }

    public ServiceProcess process(String service) {
        ServiceProcess p = processes.get(service);
        if (p == null) {
            throw new IllegalArgumentException("Unknown service " + service + "; one of " + processes.keySet());
        }
        return p;
    }

    /** Stops one service (fault tests). */
    public void stop(String service) {
        process(service).stop();
    }

    /** Kills one service with SIGKILL (crash tests). */
    public void kill(String service) {
        process(service).kill();
    }

    /** (Re)starts one service on the same port and waits until it is ready. */
    public void start(String service) throws IOException, InterruptedException {
        ServiceProcess p = process(service);
        p.start();
        p.awaitReady(READY_TIMEOUT);
    }

    /** Stops every service, in parallel. */
    @Override
    public void close() {
        processes.values().parallelStream().forEach(ServiceProcess::stop);
    }

    private static int freeIfZero(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
