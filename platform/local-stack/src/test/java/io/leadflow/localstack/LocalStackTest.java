package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The real stack, in this JVM: topics, databases, the outbox relay, and nothing left behind. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static LocalStack stack;
    private static Endpoints endpoints;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(StackOptions.builder().ephemeral(true).build());
        endpoints = stack.endpoints();
        System.out.println("Local stack ready in " + stack.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @Order(1)
    void createsTheTopicsOfTopicsJson() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
            TopicDescription capture = admin.describeTopics(List.of("leads.capture.v1"))
                    .allTopicNames().get().get("leads.capture.v1");
            assertThat(capture.partitions()).hasSize(6);
        }
    }

    @Test
    @Order(2)
    void createsOneDatabasePerService() throws Exception {
        try (Connection c = PostgresServer.connect(endpoints.pgHost(), endpoints.pgPort(), "postgres",
                endpoints.pgUser(), endpoints.pgPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).containsAll(LocalStack.DATABASES);
        }
    }

    @Test
    @Order(3)
    void relaysAnOutboxRowToItsTopic() throws Exception {
        UUID id = UUID.randomUUID();
        String leadId = UUID.randomUUID().toString();
        String payload = "{\"leadId\": \"" + leadId + "\", \"type\": \"LeadCaptured\"}";
        try (Connection c = PostgresServer.connect(endpoints.pgHost(), endpoints.pgPort(), "capture",
                endpoints.pgUser(), endpoints.pgPassword())) {
            try (Statement ddl = c.createStatement()) {
                ddl.execute("""
                        CREATE TABLE outbox (id uuid PRIMARY KEY, aggregatetype varchar(255) NOT NULL,
                          aggregateid varchar(255) NOT NULL, type varchar(255) NOT NULL, payload jsonb NOT NULL,
                          occurred_at timestamptz NOT NULL DEFAULT now())""");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload) VALUES (?, 'capture', ?, 'LeadCaptured', ?::jsonb)")) {
                insert.setObject(1, id);
                insert.setString(2, leadId);
                insert.setString(3, payload);
                insert.executeUpdate();
            }
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("leads.capture.v1"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            ConsumerRecord<String, String> record = received.get(0);
            assertThat(record.key()).isEqualTo(leadId);
            assertThat(header(record, "id")).isEqualTo(id.toString());
            assertThat(header(record, "eventType")).isEqualTo("LeadCaptured");
            // jsonb normalises whitespace; what matters is the payload itself, not a JSON string of it.
            assertThat(record.value()).startsWith("{").contains("\"leadId\": \"" + leadId + "\"");
        }
    }

    @Test
    @Order(4)
    void closingLeavesNoPostgresBehind() {
        Path pgData = stack.dataDir().resolve("postgres");
        assertThat(postgresProcesses(pgData)).isNotEmpty();

        stack.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> postgresProcesses(pgData).isEmpty());
        assertThat(stack.dataDir()).doesNotExist();
    }

    static List<ProcessHandle> postgresProcesses(Path pgData) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(pgData.toString()))
                        .orElse(false))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
