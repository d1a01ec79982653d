package io.leadflow.system.containers;

import io.leadflow.localstack.Endpoints;
import io.leadflow.localstack.LocalKeys;
import io.leadflow.localstack.LocalStackProcess;
import io.leadflow.localstack.Platform;
import io.leadflow.system.RunningPlatform;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as containers, through Testcontainers: PostgreSQL, Kafka, Kafka Connect with Debezium, the set-up
 * step (databases, topics, connectors) and the six service images, on one network, the way deploy/compose runs them.
 * Image names are system properties (set by the Maven profile {@code containers}): the official images by default,
 * the stand-ins of {@code deploy/images/build.sh --local} where no registry is reachable.
 */
public final class ContainerPlatform implements RunningPlatform.Backend {

    static final String PG_USER = "leadflow";
    static final String PG_PASSWORD = "leadflow";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Network network;
    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;
    private final GenericContainer<?> connect;
    private final Map<String, GenericContainer<?>> services;
    private final Endpoints endpoints;

    private ContainerPlatform(Network network, PostgreSQLContainer postgres, KafkaContainer kafka, GenericContainer<?> connect,
                              Map<String, GenericContainer<?>> services, Endpoints endpoints) {
        this.network = network;
        this.postgres = postgres;
        this.kafka = kafka;
        this.connect = connect;
        this.services = services;
        this.endpoints = endpoints;
    }

    /** Registered in META-INF/services: {@code -Dleadflow.platform=containers}. */
    public static final class Factory implements RunningPlatform.BackendFactory {
        @Override
        public String name() {
            return "containers";
        }

        @Override
        public RunningPlatform.Backend start(Map<String, Map<String, String>> extraEnv) throws Exception {
            return ContainerPlatform.start(extraEnv);
        }
    }

    static DockerImageName image(String property, String fallback, String officialName) {
        DockerImageName image = DockerImageName.parse(System.getProperty(property, fallback));
        return officialName == null ? image : image.asCompatibleSubstituteFor(officialName);
    }

    static ContainerPlatform start(Map<String, Map<String, String>> extraEnv) throws Exception {
        Path keyDir = Files.createTempDirectory("leadflow-container-keys-");
        LocalKeys.inDir(keyDir);
        Network network = Network.newNetwork();
        PostgreSQLContainer postgres = new PostgreSQLContainer(image("leadflow.image.postgres", "docker.io/library/postgres:17", "postgres"))
                .withNetwork(network).withNetworkAliases("postgres")
                .withUsername(PG_USER).withPassword(PG_PASSWORD).withDatabaseName("postgres")
                // Debezium reads each outbox through a logical replication slot.
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_wal_senders=16", "-c", "max_replication_slots=16",
                        "-c", "fsync=off");
        KafkaContainer kafka = new KafkaContainer(image("leadflow.image.kafka", "docker.io/apache/kafka:4.3.1", "apache/kafka"))
                .withNetwork(network).withListener("kafka:19092")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        GenericContainer<?> connect = new GenericContainer<>(image("leadflow.image.connect", "quay.io/debezium/connect:3.6", null))
                .withNetwork(network).withNetworkAliases("connect")
                .withEnv(Map.of("BOOTSTRAP_SERVERS", "kafka:19092", "GROUP_ID", "leadflow-connect",
                        "CONFIG_STORAGE_TOPIC", "leadflow-connect-configs", "OFFSET_STORAGE_TOPIC", "leadflow-connect-offsets",
                        "STATUS_STORAGE_TOPIC", "leadflow-connect-status",
                        "CONNECT_CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY", "All"))
                .withExposedPorts(8083)
                .waitingFor(Wait.forHttp("/connectors").forPort(8083).forStatusCode(200).withStartupTimeout(STARTUP))
                .dependsOn(kafka);
        // Closed if the start fails part way (closing a container that never started does nothing).
        List<AutoCloseable> started = new ArrayList<>(List.of(connect, kafka, postgres));
        try {
            Startables.deepStart(postgres, kafka, connect).join();

            // The set-up step: databases, topics, connectors streaming; exits 0 when done.
            Endpoints inNetwork = new Endpoints("kafka:19092", "postgres", 5432, PG_USER, PG_PASSWORD, "http://connect:8083", keyDir);
            try (GenericContainer<?> setup = new GenericContainer<>(image("leadflow.image.setup", "localhost/leadflow/setup:0.1.0", null))
                    .withNetwork(network)
                    .withEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", inNetwork.kafkaBootstrapServers(),
                            "LEADFLOW_PG_HOST", "postgres", "LEADFLOW_PG_PORT", "5432",
                            "LEADFLOW_PG_USER", PG_USER, "LEADFLOW_PG_PASSWORD", PG_PASSWORD,
                            "LEADFLOW_CONNECT_URL", inNetwork.connectUrl()))
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(STARTUP))) {
                setup.start();
            }

            Map<String, GenericContainer<?>> services = new LinkedHashMap<>();
            for (Platform.Service s : Platform.SERVICES) {
                Map<String, String> env = new HashMap<>(Platform.serviceEnv(inNetwork, s.database(), 8080));
                env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:/keys/" + LocalKeys.PUBLIC_KEY_FILE);
                env.put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC " + String.join(" ", LocalStackProcess.QUICK_JIT));
                if (s.name().equals("routing-service")) {
                    env.put("LEADFLOW_ROUTING_SEED_DEMO_ROSTER", "true");
                }
                env.putAll(extraEnv.getOrDefault(s.name(), Map.of()));
                String prefix = System.getProperty("leadflow.image.prefix", "localhost/leadflow/");
                String version = System.getProperty("leadflow.image.version", "0.1.0");
                services.put(s.name(), new GenericContainer<>(DockerImageName.parse(prefix + s.name() + ":" + version))
                        .withNetwork(network).withNetworkAliases(s.name())
                        .withEnv(env)
                        .withCopyFileToContainer(MountableFile.forHostPath(keyDir.resolve(LocalKeys.PUBLIC_KEY_FILE), 0644),
                                "/keys/" + LocalKeys.PUBLIC_KEY_FILE)
                        .withExposedPorts(8080)
                        .waitingFor(Wait.forHttp("/q/health/ready").forPort(8080).forStatusCode(200).withStartupTimeout(STARTUP)));
            }
            started.addAll(services.values());
            Startables.deepStart(services.values()).join();
            Endpoints fromHere = new Endpoints(kafka.getBootstrapServers(), postgres.getHost(), postgres.getMappedPort(5432),
                    PG_USER, PG_PASSWORD, "http://" + connect.getHost() + ":" + connect.getMappedPort(8083), keyDir);
            return new ContainerPlatform(network, postgres, kafka, connect, services, fromHere);
        } catch (RuntimeException e) {
            started.forEach(ContainerPlatform::closeQuietly);
            network.close();
            throw e;
        }
    }

    @Override
    public String baseUrl(String service) {
        GenericContainer<?> c = container(service);
        return "http://" + c.getHost() + ":" + c.getMappedPort(8080);
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    /** Stops the service's container (SIGTERM, then removes it); {@link #start} runs a new one from the same image. */
    @Override
    public void stop(String service) {
        container(service).stop();
    }

    /** SIGKILL to the service's process (a crash), then the container is removed. */
    @Override
    public void kill(String service) {
        GenericContainer<?> c = container(service);
        c.getDockerClient().killContainerCmd(c.getContainerId()).withSignal("KILL").exec();
        c.stop();
    }

    @Override
    public void start(String service) {
        container(service).start();
    }

    private GenericContainer<?> container(String service) {
        GenericContainer<?> c = services.get(service);
        if (c == null) {
            throw new IllegalArgumentException("Unknown service " + service + "; one of " + services.keySet());
        }
        return c;
    }

    @Override
    public void close() {
        services.values().parallelStream().forEach(ContainerPlatform::closeQuietly);
        List.of(connect, kafka, postgres).forEach(ContainerPlatform::closeQuietly);
        network.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // tearing down: a container already gone is fine
        }
    }
}
