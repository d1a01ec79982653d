package io.leadflow.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Real servers for local runs and tests, started from Maven artifacts: PostgreSQL 17 (a child process that
 * dies with this JVM), a Kafka broker in KRaft mode and a Kafka Connect worker with the Debezium connectors of
 * {@code deploy/connect} (both in this JVM). Creates the service databases and the topics of
 * {@code deploy/kafka/topics.json}. Ready means every connector streams from an active replication slot.
 */
public final class LocalStack implements AutoCloseable {

    /** One database per service. */
    public static final List<String> DATABASES = List.of("capture", "enrichment", "scoring", "routing", "sla", "crm_sync");

    private static final String TEMP_PREFIX = "leadflow-stack-";
    private static final String OWNER_FILE = "owner";

    private final Path dataDir;
    private final boolean temporaryDataDir;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ConnectWorker connect;
    private Endpoints endpoints;
    private Duration startupTime;
    private Thread shutdownHook;
    private boolean closed;

    private LocalStack(Path dataDir, boolean temporaryDataDir) {
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
    }

    /** Starts what {@code options} asks for and returns once everything is ready. */
    public static LocalStack start(StackOptions options) throws Exception {
        long t0 = System.nanoTime();
        DeployDir deploy = new DeployDir(options.deployDir() != null ? options.deployDir() : DeployDir.locate());
        boolean temporary = options.dataDir() == null;
        Path dataDir;
        if (temporary) {
            sweepOrphanedTempDirs();
            dataDir = Files.createTempDirectory(TEMP_PREFIX);
            Files.writeString(dataDir.resolve(OWNER_FILE), ownerId(ProcessHandle.current()));
        } else {
            dataDir = Files.createDirectories(options.dataDir().toAbsolutePath());
        }
        LocalStack stack = new LocalStack(dataDir, temporary);
        if (options.shutdownHook()) {
            stack.shutdownHook = new Thread(stack::close, "leadflow-local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        }
        try {
            stack.startServers(options, deploy);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        stack.startupTime = Duration.ofNanos(System.nanoTime() - t0);
        return stack;
    }

    private void startServers(StackOptions o, DeployDir deploy) throws Exception {
        Path logDir = Objects.requireNonNullElse(o.logDir(), dataDir.resolve("logs"));
        Path keyDir = Objects.requireNonNullElse(o.keyDir(), dataDir.resolve("keys"));
        Files.createDirectories(logDir);
        var externalPg = o.externalPostgres();

        // PostgreSQL and Kafka do not depend on each other: start them side by side.
        int pgPort = externalPg != null ? externalPg.port() : port(o.postgresPort(), "PostgreSQL");
        int kafkaPort = o.externalKafka() != null ? 0 : port(o.kafkaPort(), "Kafka");
        int controllerPort = o.externalKafka() != null ? 0 : port(o.controllerPort(), "Kafka controller");
        CompletableFuture<Void> pgStarted = externalPg != null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    // Opened to 0755 because PostgreSQL may run as nobody (temp dirs are created 0700).
                    unchecked(() -> Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x")));
                    postgres = unchecked(() -> PostgresServer.start(dataDir, logDir.resolve("postgres.log"), pgPort,
                            o.ephemeral()));
                });
        CompletableFuture<Void> kafkaStarted = o.externalKafka() != null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> kafka = unchecked(() -> KafkaBroker.start(dataDir, kafkaPort, controllerPort)));
        join(pgStarted, kafkaStarted);

        String pgHost = externalPg != null ? externalPg.host() : "localhost";
        String pgUser = externalPg != null ? externalPg.user() : PostgresServer.USER;
        String pgPassword = externalPg != null ? externalPg.password() : PostgresServer.PASSWORD;
        String bootstrap = o.externalKafka() != null ? o.externalKafka() : kafka.bootstrapServers();
        List<DeployDir.Connector> connectors = deploy.connectors();

        CompletableFuture<Void> databases = CompletableFuture.runAsync(() -> unchecked(() -> {
            PostgresServer.awaitReady(pgHost, pgPort, pgUser, pgPassword, Duration.ofSeconds(60), null);
            PostgresServer.ensureDatabases(pgHost, pgPort, pgUser, pgPassword, DATABASES);
            return null;
        }));
        CompletableFuture<Void> topics = CompletableFuture.runAsync(() -> unchecked(() -> {
            List<DeployDir.Topic> all = new ArrayList<>(deploy.topics());
            // Debezium's heartbeats go to __debezium-heartbeat.<prefix>; with auto-create off they must exist, or
            // the connector's producer blocks and the task fails at the first heartbeat. topics.json lists them;
            // a connector file that turns heartbeats on without it still gets its topic.
            var listed = all.stream().map(DeployDir.Topic::name).collect(java.util.stream.Collectors.toSet());
            connectors.stream().map(DeployDir.Connector::heartbeatTopic).filter(Objects::nonNull).distinct()
                    .filter(t -> !listed.contains(t))
                    .forEach(t -> all.add(new DeployDir.Topic(t, 1, Map.of())));
            KafkaBroker.ensureTopics(bootstrap, all, Duration.ofSeconds(60));
            return null;
        }));
        join(databases, topics);

        String connectUrl = o.externalConnectUrl();
        if (connectUrl == null) {
            connect = ConnectWorker.start(bootstrap, port(o.connectPort(), "Kafka Connect"));
            connectUrl = connect.url();
        }
        Connectors rest = new Connectors(connectUrl);
        rest.register(connectors, Map.of(
                "LEADFLOW_PG_HOST", pgHost,
                "LEADFLOW_PG_PORT", Integer.toString(pgPort),
                "LEADFLOW_PG_USER", pgUser,
                "LEADFLOW_PG_PASSWORD", pgPassword), Duration.ofSeconds(60));
        rest.awaitStreaming(connectors, c -> {
            try {
                return PostgresServer.slotActive(pgHost, pgPort, c.database(), pgUser, pgPassword, c.slot());
            } catch (SQLException e) {
                return false;
            }
        }, Duration.ofSeconds(90));

        LocalKeys.inDir(keyDir);
        endpoints = new Endpoints(bootstrap, pgHost, pgPort, pgUser, pgPassword, connectUrl, keyDir);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** How long {@link #start} took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops Connect, then Kafka, then PostgreSQL; deletes a temporary data dir. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        quietly("Kafka Connect", connect);
        quietly("Kafka", kafka);
        quietly("PostgreSQL", postgres);
        if (temporaryDataDir) {
            PostgresServer.deleteTree(dataDir);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down: nothing to remove
            }
        }
    }

    private static void quietly(String what, AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("[local-stack] stopping " + what + " failed: " + e);
        }
    }

    /**
     * A JVM killed with SIGKILL cannot delete its temp data dir (its PostgreSQL did stop: see ParentBoundProcess).
     * Delete those left by JVMs that are gone, so killed test runs do not fill the temp dir.
     */
    private static void sweepOrphanedTempDirs() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(OWNER_FILE);
                if (Files.isRegularFile(owner) && !ownerAlive(Files.readString(owner).trim())) {
                    PostgresServer.deleteTree(dir);
                }
            }
        } catch (IOException e) {
            System.err.println("[local-stack] could not sweep " + tmp + ": " + e);
        }
    }

    /** pid plus start time: a recycled pid is not the same owner. */
    private static String ownerId(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }

    private static boolean ownerAlive(String ownerId) {
        try {
            long pid = Long.parseLong(ownerId.split(" ")[0]);
            return ProcessHandle.of(pid).map(p -> p.isAlive() && ownerId(p).equals(ownerId)).orElse(false);
        } catch (NumberFormatException unknownFormat) {
            return true; // not ours to judge: leave it
        }
    }

    /** A fixed port must be free (a clear message beats a bind error deep in a server); 0 picks a free one. */
    static int port(int requested, String what) throws IOException {
        try (ServerSocket s = new ServerSocket(requested, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IOException(what + " port " + requested + " is in use (is another stack running?)", e);
        }
    }

    private static void join(CompletableFuture<?>... futures) throws Exception {
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private interface Action<T> {
        T run() throws Exception;
    }

    private static <T> T unchecked(Action<T> action) {
        try {
            return action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
