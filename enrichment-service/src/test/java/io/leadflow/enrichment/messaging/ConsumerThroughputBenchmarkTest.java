package io.leadflow.enrichment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.EventBurst;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


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

    @Test
    void enrichesABurstOfCapturedLeads() throws Exception {
        ObjectNode template = (ObjectNode) mapper.readTree(EventContracts.example("LeadCaptured"));
        String[] titles = {"VP Sales", "Directeur commercial", "Head of Marketing", "Ingénieur logiciel", "CFO", "Stagiaire"};
        List<ObjectNode> burst = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            burst.add(template.deepCopy().put("leadId", UUID.randomUUID().toString()).put("eventId", UUID.randomUUID().toString())
                    .put("email", "lead" + i + "@company-" + (i % 997) + ".com").put("jobTitle", titles[i % titles.length])
                    .put("company", "Company " + (i % 997)));
        }
        EventBurst.measure(bootstrap, "leads.capture.v1", "LeadCaptured", burst, db,
                "select count(*) from lead_enrichment where enriched_at >= $1", "enrichment consumer, leads enriched");
    }
}
