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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


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
        EventBurst.measure(bootstrap, "leads.enrichment.v1", "LeadEnriched", burst, db,
                "select count(*) from lead_score where scored_at >= $1", "scoring consumer, leads scored");
    }
}
