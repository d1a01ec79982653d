package io.leadflow.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Quarkus test resource of every service: real Kafka, PostgreSQL and Connect + Debezium from a
 * {@link LocalStackProcess child JVM}. ONE stack per test JVM, started on first use and stopped by a shutdown hook
 * (Quarkus calls start/stop per test class; restarting the stack each time would cost seconds per class).
 *
 * <pre>{@code @QuarkusTestResource(value = LocalStackTestResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "capture"))}</pre>
 *
 * Honours KAFKA_BOOTSTRAP_SERVERS, LEADFLOW_PG_HOST/_PORT/_USER/_PASSWORD and LEADFLOW_CONNECT_URL: the child
 * starts only what is not external; with all three external no child is started at all (the databases and
 * connectors are then expected to exist). JDK only, apart from the Quarkus interface.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** The started stack's endpoints line, JVM-wide: Quarkus may load this class in more than one class loader. */
    private static final String STACK_PROPERTY = "leadflow.test-stack.endpoints";
    private String database = "capture";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return quarkusConfig(endpoints(), database);
    }

    @Override
    public void stop() {
        // The stack outlives test classes; the shutdown hook stops it with the JVM.
    }

    /** The endpoints of this JVM's test stack, starting it on first use. */
    public static Endpoints endpoints() {
        // A string constant is interned: one lock per JVM, whatever class loader loaded this class.
        synchronized (STACK_PROPERTY) {
            String line = System.getProperty(STACK_PROPERTY);
            if (line == null) {
                try {
                    Endpoints started = allExternal(System.getenv()) ? externalEndpoints(System.getenv()) : startChild();
                    line = started.toLine();
                    System.setProperty(STACK_PROPERTY, line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Endpoints.fromLine(line);
        }
    }

    /** The Quarkus configuration that points a service at {@code endpoints} and its {@code database}. */
    public static Map<String, String> quarkusConfig(Endpoints endpoints, String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        config.put("quarkus.datasource.reactive.url", endpoints.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", endpoints.jdbcUrl(database));
        config.put("quarkus.datasource.username", endpoints.pgUser());
        config.put("quarkus.datasource.password", endpoints.pgPassword());
        config.put("mp.jwt.verify.publickey.location", endpoints.publicKeyUrl());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        if ("capture".equals(database)) {
            config.put("leadflow.capture.webhooks.secret-key", endpoints.webhookSecretKey());
        }
        // The stack provides the servers; Dev Services would look for a container engine that is not there.
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        return config;
    }

    private static Endpoints startChild() throws IOException {
        // Logs next to the module's build output when there is one (surefire runs in the module dir).
        Path target = Path.of("target");
        Path logDir = Files.isDirectory(target) ? target.resolve("leadflow-stack")
                : Files.createTempDirectory("leadflow-stack-logs-");
        LocalStackProcess stack = LocalStackProcess.startEphemeral(logDir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "leadflow-test-stack-shutdown"));
        return stack.endpoints();
    }

    static boolean allExternal(Map<String, String> env) {
        return present(env, "KAFKA_BOOTSTRAP_SERVERS") && present(env, "LEADFLOW_PG_HOST")
                && present(env, "LEADFLOW_CONNECT_URL");
    }

    private static Endpoints externalEndpoints(Map<String, String> env) throws IOException {
        Path keyDir = Files.createTempDirectory("leadflow-keys-");
        LocalKeys.inDir(keyDir);
        return new Endpoints(env.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("LEADFLOW_PG_HOST"),
                Integer.parseInt(env.getOrDefault("LEADFLOW_PG_PORT", "5432")),
                env.getOrDefault("LEADFLOW_PG_USER", "leadflow"), env.getOrDefault("LEADFLOW_PG_PASSWORD", "leadflow"),
                env.get("LEADFLOW_CONNECT_URL"), keyDir);
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }
}
