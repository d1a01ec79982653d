package io.leadflow.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.routing.domain.RoutingService;
import io.vertx.mutiny.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool of its own per test (strict round robin, cursor at the start) and the LeadReassigned rows a lead got. */
public final class ReassignmentFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReassignmentFixtures() {
    }

    /** A pool, its members in position order, and its manager's SDR id (null when the manager is not on the roster). */
    public record Team(String poolId, List<String> members, String manager) {
    }

    /**
     * A new pool of {@code size} new SDRs whose manager e-mail is {@code <pool>-boss@leadflow.io}; with
     * {@code managerOnRoster}, an active SDR (not a member) has that e-mail, in other letter case.
     */
    public static Team team(Pool db, int size, boolean managerOnRoster) {
        String poolId = "ra-" + UUID.randomUUID().toString().substring(0, 8);
        String managerEmail = poolId + "-boss@leadflow.io";
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String sdr = poolId + "-" + (char) ('a' + i);
            RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, $2, $3)", sdr, "Rep " + sdr,
                    sdr + "@leadflow.io");
            members.add(sdr);
        }
        RoutingFixtures.rows(db, "insert into pool (id, name, manager_email) values ($1, $2, $3)", poolId,
                "Pool " + poolId, managerEmail);
        for (int i = 0; i < size; i++) {
            RoutingFixtures.rows(db, "insert into pool_member (pool_id, sdr_id, position) values ($1, $2, $3)", poolId,
                    members.get(i), i);
        }
        String manager = null;
        if (managerOnRoster) {
            manager = poolId + "-boss";
            RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'The Boss', $2)", manager,
                    managerEmail.toUpperCase());
        }
        return new Team(poolId, List.copyOf(members), manager);
    }

    /** A new lead routed in the team's pool: it goes to the member after the cursor (the first, in a new pool). */
    public static UUID leadIn(RoutingService routing, Team team) {
        UUID leadId = UUID.randomUUID();
        assertThat(RoutingFixtures.route(routing, leadId, RoutingFixtures.scored(72), team.poolId()))
                .isEqualTo(RoutingService.Outcome.ASSIGNED);
        return leadId;
    }

    /** Who holds the lead now. */
    public static String holder(Pool db, UUID leadId) {
        return RoutingFixtures.rows(db, "select sdr_id from assignment where lead_id = $1", leadId).get(0).getString(0);
    }

    /** The LeadReassigned payloads written for the lead, oldest first, each checked against its contract. */
    public static List<JsonNode> reassignments(Pool db, UUID leadId) {
        return RoutingFixtures.rows(db, "select payload::text from outbox where aggregateid = $1 and type = 'LeadReassigned' "
                        + "order by occurred_at", leadId.toString()).stream()
                .map(row -> {
                    String payload = row.getString(0);
                    assertThat(EventContracts.violations("LeadReassigned", payload)).isEmpty();
                    try {
                        return MAPPER.readTree(payload);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    /** The contract's SlaBreached example for the lead's assignment, naming {@code sdrId} as the holder who missed it. */
    public static ObjectNode slaBreached(Pool db, UUID leadId, UUID eventId, String sdrId) {
        String assignmentId = RoutingFixtures.rows(db, "select id::text from assignment where lead_id = $1", leadId)
                .get(0).getString(0);
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example("SlaBreached"));
            // Without the policy's action, as events from before SLA policies: routing counts the breaches itself.
            event.remove("action");
            return event.put("leadId", leadId.toString()).put("eventId", eventId.toString()).put("sdrId", sdrId)
                    .put("clockId", UUID.randomUUID().toString()).put("assignmentId", assignmentId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
