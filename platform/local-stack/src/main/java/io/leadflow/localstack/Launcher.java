package io.leadflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The main behind {@code ./leadflow}: {@code up} (stack + six services, persistent, until Ctrl-C),
 * {@code token --sdr ID | --role revops|admin|integration}, {@code bench} is dispatched by the script to system-tests.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            String command = args.length == 0 ? "help" : args[0];
            switch (command) {
                case "up" -> up();
                case "token" -> System.out.println(token(args));
                default -> {
                    System.out.println("""
                            usage: ./leadflow [--build] up                        Kafka, PostgreSQL, Connect + the six services
                                   ./leadflow token --sdr ID | --role revops|admin|integration   print a local JWT
                                   ./leadflow bench [--leads N --rate R --warmup W]   capture-to-SDR latency (system-tests)""");
                    System.exit("help".equals(command) ? 0 : 2);
                }
            }
        } catch (Throwable e) {
            System.err.println("leadflow " + String.join(" ", args) + " failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1); // Kafka's non-daemon threads would keep the JVM alive
        }
    }

    /** The repository: {@code -Dleadflow.repo} (set by ./leadflow), else the dir above {@code deploy/}. */
    static Path repoRoot() {
        String repo = System.getProperty("leadflow.repo");
        return repo != null ? Path.of(repo).toAbsolutePath() : DeployDir.locate().getParent();
    }

    private static String token(String[] args) {
        Tokens tokens = Tokens.forKeyDir(repoRoot().resolve(".leadflow/keys"));
        if (args.length == 3 && args[1].equals("--sdr")) {
            return tokens.forSdr(args[2]);
        }
        if (args.length == 3 && args[1].equals("--role") && List.of("revops", "admin", "integration").contains(args[2])) {
            return tokens.forRole(args[2]);
        }
        throw new IllegalArgumentException("usage: token --sdr ID | --role revops|admin|integration");
    }

    private static void up() throws Exception {
        Path repo = repoRoot();
        Path home = repo.resolve(".leadflow");
        Path logDir = home.resolve("logs");
        Files.createDirectories(logDir);
        StackLogging.toFile(logDir.resolve("stack.log"));
        Map<String, String> env = System.getenv();
        StackOptions options = StackOptions.fromEnvironment(env)
                .dataDir(home.resolve("data"))
                .ephemeral(false)
                .logDir(logDir)
                .keyDir(home.resolve("keys"))
                .deployDir(repo.resolve("deploy"))
                .kafkaPort(intEnv(env, "LEADFLOW_KAFKA_PORT", 19092))
                .controllerPort(intEnv(env, "LEADFLOW_CONTROLLER_PORT", 19093))
                .connectPort(intEnv(env, "LEADFLOW_CONNECT_PORT", 18083))
                .postgresPort(intEnv(env, "LEADFLOW_POSTGRES_PORT", 15432))
                .shutdownHook(false) // ours below stops the services first, then the stack
                .build();

        System.out.println("Starting Kafka, PostgreSQL and Kafka Connect (logs: " + logDir + ") ...");
        LocalStack stack = LocalStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform[] platform = new Platform[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ...");
            if (platform[0] != null) {
                platform[0].close();
            }
            stack.close();
            stopped.countDown();
        }, "leadflow-shutdown"));
        System.out.println("Stack ready in " + stack.startupTime().toMillis() + " ms. Starting the six services ...");
        Endpoints e = stack.endpoints();
        // The local run is a demo: routing seeds its demo roster; production manages its own.
        platform[0] = Platform.builder(repo, e).logDir(logDir).demoRoster().start();
        System.out.println(banner(e, Tokens.forKeyDir(e.keyDir()), platform[0], logDir));
        stopped.await(); // until Ctrl-C / SIGTERM
    }

    private static String banner(Endpoints e, Tokens tokens, Platform platform, Path logDir) {
        String sdrToken = tokens.forSdr("sdr-1");
        StringBuilder b = new StringBuilder("\nLeadflow is running. Ctrl-C stops everything.\n\n");
        b.append("  Capture demo form    ").append(platform.baseUrl("capture-service")).append("/\n");
        b.append("  SDR inbox (sdr-1)    ").append(platform.baseUrl("routing-service"))
                .append("/inbox.html#token=").append(sdrToken).append('\n');
        b.append("  RevOps dashboard     ").append(platform.baseUrl("sla-service"))
                .append("/dashboard.html#token=").append(tokens.forRole("revops")).append("\n\n");
        for (Platform.Service s : Platform.SERVICES) {
            String url = platform.baseUrl(s.name());
            b.append(String.format("  %-20s %s/q/openapi  %s/q/health  (log %s)%n", s.name(), url, url,
                    logDir.resolve(s.name() + ".log")));
        }
        b.append("\n  Kafka bootstrap      ").append(e.kafkaBootstrapServers()).append('\n');
        b.append("  PostgreSQL           ").append(e.jdbcUrl("<database>")).append("  (user ")
                .append(e.pgUser()).append(" / ").append(e.pgPassword()).append(")\n");
        b.append("  Kafka Connect        ").append(e.connectUrl()).append("\n\n");
        b.append("  Demo SDR token (sdr-1):\n  ").append(sdrToken).append("\n\n");
        b.append("  Post a lead:\n  curl -i -H 'Content-Type: application/json' -d '{\"email\":\"ada@acme-robotics.com\","
                + "\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"company\":\"Acme Robotics\",\"jobTitle\":\"VP Sales\","
                + "\"country\":\"GB\",\"utm\":{\"source\":\"google\",\"campaign\":\"demo\"}}' ")
                .append(platform.baseUrl("capture-service")).append("/api/v1/leads\n\n");
        b.append("  Watch the SDR stream:\n  curl -N -H \"Authorization: Bearer ").append(sdrToken).append("\" ")
                .append(platform.baseUrl("routing-service")).append("/api/v1/sdr/stream\n");
        b.append("\n  More tokens: ./leadflow token --sdr <id> | --role revops|admin|integration\n");
        return b.toString();
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
