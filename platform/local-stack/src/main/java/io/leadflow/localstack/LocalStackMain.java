package io.leadflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the stack's child JVM (see {@link LocalStackProcess}). Arguments: {@code [--data-dir DIR]
 * [--ephemeral] [--log-dir DIR]}. Prints {@value #READY} followed by the {@link Endpoints#toLine() endpoints} on
 * one stdout line once ready, then runs until its stdin reaches end of file (the parent closed it or died).
 * Server logs go to {@code <log dir>/stack.log}; failures to stderr.
 *
 * <p>{@code --provision}: only prepare servers that run elsewhere (PostgreSQL, Kafka and Connect all given by the
 * environment, see {@link StackOptions#fromEnvironment}): create the databases and topics, register the connectors,
 * wait until they stream, then exit 0 (1 on failure). The compose deployment runs this as its set-up step.
 */
public final class LocalStackMain {

    public static final String READY = "LEADFLOW-STACK-READY";

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        try {
            StackOptions.Builder options = StackOptions.fromEnvironment(System.getenv());
            Path dataDir = null;
            Path logDir = null;
            boolean ephemeral = false;
            boolean provision = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--log-dir" -> logDir = Path.of(args[++i]);
                    case "--ephemeral" -> ephemeral = true;
                    case "--provision" -> provision = true;
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                            + "; usage: [--data-dir DIR] [--ephemeral] [--log-dir DIR] | --provision");
                }
            }
            if (logDir == null) {
                logDir = dataDir != null ? dataDir.resolve("logs") : Files.createTempDirectory("leadflow-stack-logs-");
            }
            Files.createDirectories(logDir);
            if (provision) {
                System.exit(provision(options));
            }
            StackLogging.toFile(logDir.resolve("stack.log"));
            // From the start, not only once ready: a parent that dies during start-up must stop us too.
            Thread stdinWatcher = watchStdin();
            LocalStack stack = LocalStack.start(options.dataDir(dataDir).ephemeral(ephemeral).logDir(logDir).build());
            System.out.println(READY + " " + stack.endpoints().toLine());
            System.out.flush();
            System.err.println("[local-stack] ready in " + stack.startupTime().toMillis() + " ms");
            stdinWatcher.join(); // with only external servers nothing else keeps this JVM alive
        } catch (Throwable e) {
            System.err.println("[local-stack] failed to start");
            e.printStackTrace();
            // Kafka's non-daemon threads would keep this JVM alive; the shutdown hook stops what did start.
            System.exit(1);
        }
    }

    private static int provision(StackOptions.Builder options) throws Exception {
        StackOptions o = options.build();
        if (o.externalKafka() == null || o.externalPostgres() == null || o.externalConnectUrl() == null) {
            System.err.println("[local-stack] --provision needs KAFKA_BOOTSTRAP_SERVERS, LEADFLOW_PG_HOST (+ _PORT, _USER,"
                    + " _PASSWORD) and LEADFLOW_CONNECT_URL: it prepares servers that run elsewhere");
            return 2;
        }
        try (LocalStack stack = LocalStack.start(o)) {
            System.out.println("[local-stack] provisioned in " + stack.startupTime().toMillis() + " ms: databases "
                    + LocalStack.DATABASES + ", the topics of deploy/kafka/topics.json, the connectors of deploy/connect"
                    + " (streaming)");
        }
        return 0;
    }

    /** On end of file of stdin, exit; the stack's shutdown hook stops the servers. */
    private static Thread watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // nothing to read but the end
                }
            } catch (IOException ignored) {
                // a broken pipe is an end too
            }
            System.exit(0);
        }, "leadflow-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
