package io.leadflow.enrichment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test (off by default; {@code -Dleadflow.benchmark=true}): how many captured leads per second
 * enrichment's consumer turns into stored enrichments and outbox rows (inbox, local enrichment, reference-data and
 * cache reads, account match, one transaction each), on the embedded Kafka and PostgreSQL. The leads are produced in
 * one burst first, so the figure is the consumer's, not the producer's. Prints figures; asserts nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class ConsumerThroughputBenchmarkTest {

    private static final int LEADS = Integer.getInteger("leadflow.benchmark.leads", 5_000);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private long enrichedSince(OffsetDateTime since) {
        return db.preparedQuery("select count(*) from lead_enrichment where enriched_at >= $1").execute(Tuple.of(since))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void enrichesABurstOfCapturedLeads() throws Exception {
        ObjectNode template = (ObjectNode) mapper.readTree(EventContracts.example("LeadCaptured"));
        String[] titles = {"VP Sales", "Directeur commercial", "Head of Marketing", "Ingénieur logiciel", "CFO", "Stagiaire"};
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        long sendStart = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < LEADS; i++) {
                String leadId = UUID.randomUUID().toString();
                String eventId = UUID.randomUUID().toString();
                ObjectNode event = template.deepCopy();
                event.put("leadId", leadId).put("eventId", eventId).put("email", "lead" + i + "@company-" + (i % 997) + ".com")
                        .put("jobTitle", titles[i % titles.length]).put("company", "Company " + (i % 997));
                ProducerRecord<String, String> record = new ProducerRecord<>("leads.capture.v1", leadId, event.toString());
                record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", "LeadCaptured".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> enrichedSince(start) >= LEADS);
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        System.out.printf("%nenrichment consumer: %,d leads enriched in %.1f s (%,.0f leads/s; the burst took %.1f s to send)%n%n",
                LEADS, seconds, LEADS / seconds, sendSeconds);
    }
}
