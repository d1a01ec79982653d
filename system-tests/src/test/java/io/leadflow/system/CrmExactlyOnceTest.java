package io.leadflow.system;

import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.Platform;
import io.leadflow.localstack.ServiceProcess;
import io.leadflow.localstack.StackLogging;
import io.leadflow.localstack.StackOptions;
import io.leadflow.messaging.testing.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one opportunity per qualified lead, even when the lead is qualified twice and crm-sync-service is killed
 * (SIGKILL) after the CRM created the opportunity and before the sync's commit. The first JVM pauses before its commit
 * (fault-injection setting {@code leadflow.crm.sync.pause-before-commit}) so the kill lands exactly there; a second
 * JVM takes the job over when the lease runs out, calls the CRM again, finds the opportunity the first call made, and
 * commits: one opportunity in the CRM, one OpportunityCreated on leads.crm.v1.
 */
class CrmExactlyOnceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static Path repo;
    private static Path logDir;

    @BeforeAll
    static void startStack() throws Exception {
        repo = RunningPlatform.repoRoot();
        logDir = repo.resolve("system-tests/target/crm-exactly-once-logs");
        Files.createDirectories(logDir);
        StackLogging.toFile(logDir.resolve("stack.log"));
        stack = LocalStack.start(StackOptions.fromEnvironment(System.getenv()).logDir(logDir)
                .deployDir(repo.resolve("deploy")).shutdownHook(true).build());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static ServiceProcess crmSync(String name, Duration pauseBeforeCommit) throws IOException {
        int port = freePort();
        Map<String, String> env = new HashMap<>(Platform.serviceEnv(stack.endpoints(), "crm_sync", port));
        env.put("LEADFLOW_CRM_SYNC_PAUSE_BEFORE_COMMIT", pauseBeforeCommit.toMillis() + "ms");
        // A short lease, so the second JVM may take the job over soon after the first one died.
        env.put("LEADFLOW_CRM_SYNC_LEASE", "3s");
        return new ServiceProcess(name, repo.resolve("crm-sync-service/target/quarkus-app/quarkus-run.jar"), port, env,
                logDir.resolve(name + ".log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(String sql, Object... params) throws Exception {
        try (Connection db = DriverManager.getConnection(stack.endpoints().jdbcUrl("crm_sync"), stack.endpoints().pgUser(),
                stack.endpoints().pgPassword()); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String leadQualified(UUID leadId, UUID eventId, String domain) {
        return """
                {"eventId":"%s","eventType":"LeadQualified","leadId":"%s","occurredAt":"2026-12-01T10:00:00Z",
                 "assignmentId":"%s","sdrId":"sdr-1","qualifiedAt":"2026-12-01T10:00:00Z",
                 "qualification":{"framework":"bant","answers":{"budget":"50k EUR approved","need":"Leads wait a day"}},
                 "notes":"Demo next week",
                 "lead":{"email":"ada@%s","firstName":"Ada","lastName":"Lovelace","company":"Acme Robotics",
                         "capturedAt":"2026-12-01T09:00:00Z"},
                 "enrichment":{"emailDomain":"%s","emailClass":"business","companyDomain":"%s"}}
                """.formatted(eventId, leadId, UUID.randomUUID(), domain, domain, domain);
    }

    @Test
    void aLeadQualifiedTwiceAndAKillBetweenTheCrmCallAndTheCommitMakeOneOpportunity() throws Exception {
        UUID leadId = UUID.randomUUID();
        String domain = "acme-" + leadId.toString().substring(0, 8) + ".example";
        String bootstrap = stack.endpoints().kafkaBootstrapServers();

        try (ServiceProcess first = crmSync("crm-sync-first", Duration.ofMinutes(5));
             TopicProbe crm = TopicProbe.on(bootstrap, "leads.crm.v1")) {
            first.start();
            first.awaitReady(Duration.ofMinutes(3));

            UUID eventId = UUID.randomUUID();
            TopicProbe.send(bootstrap, "leads.routing.v1", leadId.toString(), eventId.toString(), "LeadQualified",
                    leadQualified(leadId, eventId, domain));
            // The same qualification delivered again, and qualified a second time under a new event id.
            TopicProbe.send(bootstrap, "leads.routing.v1", leadId.toString(), eventId.toString(), "LeadQualified",
                    leadQualified(leadId, eventId, domain));
            UUID again = UUID.randomUUID();
            TopicProbe.send(bootstrap, "leads.routing.v1", leadId.toString(), again.toString(), "LeadQualified",
                    leadQualified(leadId, again, domain));

            // The CRM (built in) committed the opportunity; the sync has not committed (it pauses before doing so).
            await().atMost(DEADLINE).until(() -> count("select count(*) from opportunity where lead_id = ?", leadId) == 1
                    && count("select count(*) from crm_sync where lead_id = ? and state = 'pending'", leadId) == 1
                    && count("select count(*) from inbox where consumer = 'crm-sync' and event_id = ?", again) == 1);
            first.kill();

            try (ServiceProcess second = crmSync("crm-sync-second", Duration.ZERO)) {
                second.start();
                second.awaitReady(Duration.ofMinutes(3));
                await().atMost(DEADLINE).until(() ->
                        count("select count(*) from crm_sync where lead_id = ? and state = 'synced'", leadId) == 1);
                crm.awaitOne(TopicProbe.keyed(leadId.toString(), "OpportunityCreated"), DEADLINE);

                assertThat(count("select count(*) from opportunity where lead_id = ?", leadId)).isEqualTo(1);
                assertThat(count("select count(*) from account where domain = ?", domain)).isEqualTo(1);
                assertThat(count("select count(*) from crm_sync where lead_id = ?", leadId)).isEqualTo(1);
                assertThat(count("select count(*) from outbox where aggregateid = ? and type = 'OpportunityCreated'",
                        leadId.toString())).isEqualTo(1);
                // The CRM was called again after the kill (the killed JVM's calls were never committed to the log,
                // the second JVM's one was): that call found the first one's opportunity.
                assertThat(count("select count(*) from crm_sync_log where lead_id = ? and operation = 'convert'", leadId))
                        .isEqualTo(1);
                assertThat(count("select attempts from crm_sync where lead_id = ?", leadId)).isGreaterThanOrEqualTo(2);
                assertThat(count("select count(*) from opportunity o join crm_sync s on s.opportunity_id = o.id where o.lead_id = ?",
                        leadId)).isEqualTo(1);
            }
            assertThat(crm.seen(TopicProbe.keyed(leadId.toString(), "OpportunityCreated"))).hasSize(1);
        }
    }
}
