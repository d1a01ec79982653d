package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.EventBurst;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test (off by default; {@code -Dleadflow.benchmark=true}): how many LeadEnriched per second
 * scoring's consumer turns into scores and outbox rows (inbox, the active rule set, the model attributes, one
 * transaction each), on the embedded Kafka and PostgreSQL. Prints figures; asserts nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class ScoringThroughputBenchmarkTest {

    private static final int LEADS = Integer.getInteger("leadflow.benchmark.leads", 5_000);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private long scoredSince(OffsetDateTime since) {
        return db.preparedQuery("select count(*) from lead_score where scored_at >= $1").execute(Tuple.of(since))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void scoresABurstOfEnrichedLeads() throws Exception {
        ObjectNode template = (ObjectNode) mapper.readTree(EventContracts.example("LeadEnriched"));
        String[] seniorities = {"c_level", "vp", "director", "manager", "individual_contributor", "student"};
        List<ObjectNode> burst = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            ObjectNode event = template.deepCopy().put("leadId", UUID.randomUUID().toString())
                    .put("eventId", UUID.randomUUID().toString());
            ((ObjectNode) event.at("/enrichment/person")).put("seniority", seniorities[i % seniorities.length]);
            burst.add(event);
        }
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        long sendStart = System.nanoTime();
        EventBurst.send(bootstrap, "leads.enrichment.v1", "LeadEnriched", burst);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> scoredSince(start) >= LEADS);
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        System.out.printf("%nscoring consumer: %,d leads scored in %.1f s (%,.0f events/s; the burst took %.1f s to send)%n%n",
                LEADS, seconds, LEADS / seconds, sendSeconds);
    }
}
