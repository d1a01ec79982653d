package io.leadflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localstack.Endpoints;
import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.Platform;
import io.leadflow.localstack.StackOptions;
import io.leadflow.localstack.StackLogging;
import io.leadflow.localstack.Tokens;
import io.leadflow.messaging.testing.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The whole platform for a system test or a benchmark: the local stack (Kafka in KRaft mode,
 * PostgreSQL, Kafka Connect with Debezium) in this JVM and the six services as their own
 * processes on free ports, with the demo SDR roster. Honours {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code LEADFLOW_PG_HOST} and {@code LEADFLOW_CONNECT_URL} to run against external servers.
 * With {@code -Dleadflow.platform=containers} (Maven profile {@code containers}) the same tests run against the
 * platform's container images instead ({@code ContainerPlatform} in the tests).
 */
public final class RunningPlatform implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the platform runs. */
    public interface Backend extends AutoCloseable {
        /** The service's base URL as seen from this JVM, e.g. {@code http://localhost:8084}. */
        String baseUrl(String service);

        /** The servers as seen from this JVM; {@code keyDir} holds the key pair that signs the test tokens. */
        Endpoints endpoints();

        void stop(String service);

        void kill(String service);

        void start(String service) throws Exception;

        @Override
        void close();
    }

    /** A way to run the platform other than the embedded one, found by {@link ServiceLoader} and picked by name. */
    public interface BackendFactory {
        String name();

        Backend start(Map<String, Map<String, String>> extraEnv) throws Exception;
    }

    /** {@code -Dleadflow.platform}: {@code embedded} (the default) or the name of a {@link BackendFactory}. */
    public static final String BACKEND_PROPERTY = "leadflow.platform";

    private final Backend backend;
    private final Tokens tokens;

    private RunningPlatform(Backend backend) {
        this.backend = backend;
        this.tokens = Tokens.forKeyDir(backend.endpoints().keyDir());
    }

    /**
     * Starts everything and returns once every service is ready.
     *
     * @param extraEnv environment per service name, added to what points it at the stack
     */
    public static RunningPlatform start(Map<String, Map<String, String>> extraEnv) {
        String kind = System.getProperty(BACKEND_PROPERTY, "embedded");
        if (kind.equals("embedded")) {
            return new RunningPlatform(Embedded.start(extraEnv));
        }
        BackendFactory factory = ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No platform backend named " + kind));
        try {
            return new RunningPlatform(factory.start(extraEnv));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The platform (" + kind + ") did not start: " + e.getMessage(), e);
        }
    }

    /** The local stack in this JVM and the six services as processes on free ports. */
    private record Embedded(LocalStack stack, Platform services) implements Backend {

        static Embedded start(Map<String, Map<String, String>> extraEnv) {
            Path repo = repoRoot();
            Path logDir = repo.resolve("system-tests/target/platform-logs");
            LocalStack stack = null;
            try {
                Files.createDirectories(logDir);
                StackLogging.toFile(logDir.resolve("stack.log"));
                stack = LocalStack.start(StackOptions.fromEnvironment(System.getenv())
                        .logDir(logDir)
                        .deployDir(repo.resolve("deploy"))
                        .shutdownHook(true)
                        .build());
                Platform services = Platform.builder(repo, stack.endpoints()).logDir(logDir).freePorts().demoRoster()
                        .extraEnv(extraEnv).start();
                return new Embedded(stack, services);
            } catch (Exception e) {
                if (stack != null) {
                    stack.close();
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("The platform did not start (logs in " + logDir + "): " + e.getMessage(), e);
            }
        }

        @Override
        public String baseUrl(String service) {
            return services.baseUrl(service);
        }

        @Override
        public Endpoints endpoints() {
            return stack.endpoints();
        }

        @Override
        public void stop(String service) {
            services.stop(service);
        }

        @Override
        public void kill(String service) {
            services.kill(service);
        }

        @Override
        public void start(String service) throws Exception {
            services.start(service);
        }

        @Override
        public void close() {
            try {
                services.close();
            } finally {
                stack.close();
            }
        }
    }

    /** The repository: {@code -Dleadflow.repo.dir} (Surefire) or {@code -Dleadflow.repo} (./leadflow), else the working dir's parent. */
    static Path repoRoot() {
        String dir = System.getProperty("leadflow.repo.dir", System.getProperty("leadflow.repo"));
        Path root = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("deploy/connect"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("Cannot find the repository (a directory with deploy/connect); set -Dleadflow.repo.dir");
        }
        return root.toAbsolutePath();
    }

    public URI url(String service, String path) {
        return URI.create(backend.baseUrl(service) + path);
    }

    public String sdrToken(String sdrId) {
        return tokens.forSdr(sdrId);
    }

    public String roleToken(String role) {
        return tokens.forRole(role);
    }

    public String kafkaBootstrap() {
        return endpoints().kafkaBootstrapServers();
    }

    public String jdbcUrl(String database) {
        return endpoints().jdbcUrl(database);
    }

    public String dbUser() {
        return endpoints().pgUser();
    }

    public String dbPassword() {
        return endpoints().pgPassword();
    }

    public Endpoints endpoints() {
        return backend.endpoints();
    }

    /** Stops one service (fault tests); {@link #startService} brings it back on the same port. */
    public void stopService(String service) {
        backend.stop(service);
    }

    /** Kills one service with SIGKILL: a crash, with whatever it had in flight. */
    public void killService(String service) {
        backend.kill(service);
    }

    public void startService(String service) throws Exception {
        backend.start(service);
    }

    /** A probe that sees every record written to {@code topic} from now on. */
    public TopicProbe topicProbe(String topic) {
        return TopicProbe.on(kafkaBootstrap(), topic);
    }

    /**
     * Writes {@code record} again to its topic, with its key, value and headers: what a consumer sees
     * after a rebalance or a producer retry. With {@code newEventId}, the copy carries that event id
     * (header and payload), as a producer that re-sent the same fact under a new id would.
     */
    public void redeliver(ConsumerRecord<String, String> record, String newEventId) throws Exception {
        String value = record.value();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (newEventId != null && header.key().equals("id")) {
                headers.add("id", newEventId.getBytes(StandardCharsets.UTF_8));
            } else {
                headers.add(header);
            }
        }
        if (newEventId != null) {
            ObjectNode payload = (ObjectNode) JSON.readTree(value);
            payload.put("eventId", newEventId);
            value = payload.toString();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), value, headers)).get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until consumer group {@code group} has committed every record of {@code topic} that
     * exists now: what was sent before this call has been processed (commits follow processing).
     */
    public void awaitConsumed(String group, String topic, Duration deadline) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long stop = System.nanoTime() + deadline.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
                if (caughtUp) {
                    return;
                }
                if (System.nanoTime() > stop) {
                    throw new IllegalStateException("group " + group + " did not consume " + topic + " up to " + ends
                            + " within " + deadline + "; committed " + committed);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    @Override
    public void close() {
        backend.close();
    }
}
