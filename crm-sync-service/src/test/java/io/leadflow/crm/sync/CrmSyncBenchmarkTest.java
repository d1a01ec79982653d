package io.leadflow.crm.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test (off by default; {@code -Dleadflow.benchmark=true}): a burst of qualified leads through Kafka
 * into the built-in CRM. Prints how long the burst took to sync and the time from each sync job's creation (the
 * LeadQualified inbox commit) to its sync commit (opportunity created, OpportunityCreated in the outbox).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class CrmSyncBenchmarkTest {

    private static final int LEADS = Integer.getInteger("leadflow.benchmark.leads", 2000);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    @Test
    void aBurstOfQualifiedLeadsSyncsToTheBuiltinCrm() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode template = (ObjectNode) mapper.readTree(EventContracts.example("LeadQualified"));
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < LEADS; i++) {
                UUID leadId = UUID.randomUUID();
                String domain = "bench-" + run + "-" + (i % 500) + ".example";
                ObjectNode event = template.deepCopy().put("leadId", leadId.toString()).put("eventId", UUID.randomUUID().toString());
                ((ObjectNode) event.get("lead")).put("email", "p" + i + "-" + run + "@" + domain);
                ((ObjectNode) event.get("enrichment")).put("emailDomain", domain).put("companyDomain", domain);
                ProducerRecord<String, String> record = new ProducerRecord<>("leads.routing.v1", leadId.toString(), event.toString());
                record.headers().add("id", event.get("eventId").asText().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", "LeadQualified".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        String like = "%@bench-" + run + "-%";
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> Sql.rows(db,
                "select count(*) as n from crm_sync where state = 'synced' and conversion -> 'contact' ->> 'email' like $1", like)
                .get(0).getLong("n") == LEADS);
        double seconds = (System.nanoTime() - started) / 1e9;

        Row figures = Sql.rows(db, """
                select percentile_cont(0.5) within group (order by ms) as p50,
                       percentile_cont(0.95) within group (order by ms) as p95,
                       percentile_cont(0.99) within group (order by ms) as p99, max(ms) as max
                  from (select extract(epoch from synced_at - created_at) * 1000 as ms from crm_sync
                         where conversion -> 'contact' ->> 'email' like $1) s""", like).get(0);
        System.out.printf("%n=== CRM sync (built-in CRM), %d qualified leads in one burst: all synced in %.1f s (%.0f leads/s); "
                        + "job created -> synced p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                LEADS, seconds, LEADS / seconds, figures.getDouble("p50"), figures.getDouble("p95"),
                figures.getDouble("p99"), figures.getDouble("max"));
        assertThat(Sql.rows(db, "select count(*) as n from opportunity o join crm_sync s on s.opportunity_id = o.id "
                + "where s.conversion -> 'contact' ->> 'email' like $1", like).get(0).getLong("n")).isEqualTo(LEADS);
    }
}
