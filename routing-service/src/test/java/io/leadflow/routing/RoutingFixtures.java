package io.leadflow.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.routing.domain.RoutingService;
import io.leadflow.routing.messaging.in.LeadScoredIn;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Test data and shortcuts shared by the routing tests. */
public final class RoutingFixtures {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RoutingFixtures() {
    }

    /** The contract's LeadScored example for another lead and event, with the given score. */
    public static ObjectNode leadScored(String leadId, String eventId, int score) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadScored"));
            event.put("leadId", leadId).put("eventId", eventId);
            ((ObjectNode) event.get("score")).put("value", score);
            return event;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Routing's trimmed copy of a LeadScored example with the given score. */
    public static LeadScoredIn scored(int score) {
        try {
            return MAPPER.treeToValue(leadScored(UUID.randomUUID().toString(), UUID.randomUUID().toString(), score),
                    LeadScoredIn.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Routes a lead in its own transaction, as the consumer does (but without the inbox). */
    public static RoutingService.Outcome route(RoutingService routing, UUID leadId, LeadScoredIn scored, String poolId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> routing.route(leadId, scored, poolId)));
        } catch (Throwable e) {
            throw new IllegalStateException("routing " + leadId + " failed", e);
        }
    }

    /** Routes a lead by the active routing rule set in its own transaction, as the consumer does (without the inbox). */
    public static RoutingService.Outcome routeByRules(RoutingService routing, UUID leadId, LeadScoredIn scored) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> routing.route(leadId, scored)));
        } catch (Throwable e) {
            throw new IllegalStateException("routing " + leadId + " failed", e);
        }
    }

    /** A pool whose only member is the given SDR, so that a test knows who gets its lead. */
    public static String soloPool(Pool db, String sdrId) {
        String poolId = "solo-" + sdrId;
        rows(db, "insert into pool (id, name) values ($1, $2) on conflict do nothing", poolId, "Only " + sdrId);
        rows(db, "insert into pool_member (pool_id, sdr_id, position) values ($1, $2, 0) on conflict do nothing", poolId, sdrId);
        return poolId;
    }

    /** Assigns a new lead (the LeadScored example, score 72) to the SDR and returns its id. */
    public static UUID leadOf(RoutingService routing, Pool db, String sdrId) {
        UUID leadId = UUID.randomUUID();
        RoutingService.Outcome outcome = route(routing, leadId, scored(72), soloPool(db, sdrId));
        if (outcome != RoutingService.Outcome.ASSIGNED) {
            throw new IllegalStateException("lead " + leadId + " was not assigned: " + outcome);
        }
        return leadId;
    }

    public static List<Row> rows(Pool db, String sql, Object... params) {
        return io.leadflow.messaging.testing.Sql.rows(db, sql, params);
    }
}
