package io.leadflow.system;

import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.Platform;
import io.leadflow.localstack.ServiceProcess;
import io.leadflow.localstack.StackLogging;
import io.leadflow.localstack.StackOptions;
import io.leadflow.messaging.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sla-service replicas (two JVMs on one database, as in production) share the SLA clocks without double-firing:
 * thousands of clocks fall due at once, both replicas' scans claim them with FOR UPDATE SKIP LOCKED, and every clock
 * is breached exactly once, with exactly one SlaBreached on leads.sla.v1, while both replicas did part of the work.
 */
class SlaReplicasTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int CLOCKS = 3000;
    private static final Pattern BREACHES = Pattern.compile(
            "^leadflow_sla_breaches_total\\{[^}]*policy=\"replicas\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private static LocalStack stack;
    private static final List<ServiceProcess> REPLICAS = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Path repo = RunningPlatform.repoRoot();
        Path logDir = repo.resolve("system-tests/target/replicas-logs");
        Files.createDirectories(logDir);
        StackLogging.toFile(logDir.resolve("stack.log"));
        stack = LocalStack.start(StackOptions.fromEnvironment(System.getenv()).logDir(logDir)
                .deployDir(repo.resolve("deploy")).shutdownHook(true).build());
        for (String name : List.of("sla-a", "sla-b")) {
            int port = freePort();
            Map<String, String> env = new java.util.HashMap<>(Platform.serviceEnv(stack.endpoints(), "sla", port));
            // Small batches, so that each replica's scan needs many transactions and the two interleave.
            env.put("LEADFLOW_SLA_SCAN_BATCH", "20");
            ServiceProcess replica = new ServiceProcess(name, repo.resolve("sla-service/target/quarkus-app/quarkus-run.jar"),
                    port, env, logDir.resolve(name + ".log"));
            REPLICAS.add(replica);
            replica.start();
        }
        for (ServiceProcess replica : REPLICAS) {
            replica.awaitReady(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stop() {
        REPLICAS.forEach(ServiceProcess::close);
        if (stack != null) {
            stack.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(stack.endpoints().jdbcUrl("sla"), stack.endpoints().pgUser(),
                stack.endpoints().pgPassword());
    }

    private static long count(String sql, String sdr) throws Exception {
        try (Connection db = db(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, sdr);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** What one replica says it breached, from its own Prometheus metrics. */
    private static double breachedBy(ServiceProcess replica) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(replica.baseUrl() + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher found = BREACHES.matcher(metrics.body());
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    @Test
    void twoReplicasBreachEveryDueClockExactlyOnceBetweenThem() throws Exception {
        String sdr = "sdr-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe sla = new RunningPlatformTopics(stack).probe("leads.sla.v1")) {
            try (Connection db = db(); PreparedStatement insert = db.prepareStatement("""
                    insert into sla_clock (id, lead_id, assignment_id, sdr_id, kind, policy_id, state, started_at, due_at)
                    select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ?, 'first-touch', 'replicas', 'RUNNING',
                           now() - interval '10 minutes', now() - interval '1 second'
                    from generate_series(1, ?)
                    """)) {
                insert.setString(1, sdr);
                insert.setInt(2, CLOCKS);
                insert.executeUpdate();
            }

            await().atMost(DEADLINE).until(() -> count("select count(*) from sla_clock where sdr_id = ? and state = 'RUNNING'", sdr) == 0);
            assertThat(count("select count(*) from sla_clock where sdr_id = ? and state = 'BREACHED'", sdr)).isEqualTo(CLOCKS);
            assertThat(count("""
                    select count(*) from (select c.id from sla_clock c
                    join outbox o on o.aggregateid = c.lead_id::text and o.type = 'SlaBreached'
                    where c.sdr_id = ? group by c.id having count(*) <> 1) doubled""", sdr)).isZero();

            // Relayed by Debezium: exactly one SlaBreached per clock on the topic.
            List<ConsumerRecord<String, String>> breaches = sla.await(record -> record.value().contains(sdr), CLOCKS, DEADLINE);
            Set<String> clocks = new HashSet<>();
            breaches.forEach(record -> clocks.add(record.value().replaceAll(".*\"clockId\":\"([^\"]+)\".*", "$1")));
            assertThat(clocks).hasSize(CLOCKS);
            assertThat(sla.seen(record -> record.value().contains(sdr))).hasSize(CLOCKS);
        }

        double a = breachedBy(REPLICAS.get(0));
        double b = breachedBy(REPLICAS.get(1));
        System.out.printf("%n=== SLA replicas: %d clocks due at once; replica a breached %.0f, replica b %.0f%n", CLOCKS, a, b);
        assertThat(a + b).isEqualTo(CLOCKS);
        assertThat(a).as("replica a did part of the work").isPositive();
        assertThat(b).as("replica b did part of the work").isPositive();
    }

    /** A TopicProbe on the stack's broker. */
    private record RunningPlatformTopics(LocalStack stack) {
        TopicProbe probe(String topic) {
            return TopicProbe.on(stack.endpoints().kafkaBootstrapServers(), topic);
        }
    }
}
