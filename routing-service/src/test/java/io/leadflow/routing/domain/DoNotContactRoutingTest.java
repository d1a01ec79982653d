package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.messaging.in.LeadScoredIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead whose person asked not to be contacted is recorded and given to nobody, whatever its score. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class DoNotContactRoutingTest {

    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    @Test
    void aDoNotContactLeadIsNeverAssigned() throws Exception {
        UUID lead = UUID.randomUUID();
        ObjectNode scored = RoutingFixtures.leadScored(lead.toString(), UUID.randomUUID().toString(), 95);
        ((ObjectNode) scored.get("lead")).put("doNotContact", true);

        RoutingService.Outcome outcome = RoutingFixtures.route(routing, lead, mapper.treeToValue(scored, LeadScoredIn.class),
                RoutingFixtures.soloPool(db, "sdr-1"));

        assertThat(outcome).isEqualTo(RoutingService.Outcome.DO_NOT_CONTACT);
        assertThat(RoutingFixtures.rows(db, "select 1 from assignment where lead_id = $1", lead)).isEmpty();
        assertThat(RoutingFixtures.rows(db, "select outcome from routing_decision where lead_id = $1", lead))
                .extracting(r -> r.getString("outcome")).containsExactly("do-not-contact");
    }
}
