package io.leadflow.routing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.ReassignmentFixtures.Team;
import io.leadflow.routing.domain.RoutingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.leadflow.routing.ReassignmentFixtures.holder;
import static io.leadflow.routing.ReassignmentFixtures.leadIn;
import static io.leadflow.routing.ReassignmentFixtures.reassignments;
import static io.leadflow.routing.ReassignmentFixtures.slaBreached;
import static io.leadflow.routing.ReassignmentFixtures.team;
import static io.leadflow.routing.RoutingFixtures.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** leads.sla.v1 in: a breached lead moves to the next member of its pool, then up to the pool's manager. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SlaEventsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    RoutingService routing;
    @Inject
    MeterRegistry meters;

    /** Publishes SlaBreached of the lead naming {@code sdrId}; returns its event id. */
    private UUID breach(UUID leadId, String sdrId) {
        UUID eventId = UUID.randomUUID();
        send(leadId, eventId, sdrId);
        return eventId;
    }

    private void send(UUID leadId, UUID eventId, String sdrId) {
        TopicProbe.send(bootstrap, "leads.sla.v1", leadId.toString(), eventId.toString(), "SlaBreached",
                slaBreached(db, leadId, eventId, sdrId).toString());
    }

    /** Waits until routing-sla committed the event (its inbox row). */
    private void awaitApplied(UUID eventId) {
        await().atMost(DEADLINE).until(() -> !RoutingFixtures.rows(db,
                "select 1 from inbox where consumer = 'routing-sla' and event_id = $1", eventId).isEmpty());
    }

    private int breaches(UUID leadId) {
        return RoutingFixtures.rows(db, "select sla_breaches from assignment where lead_id = $1", leadId).get(0).getInteger(0);
    }

    private double unstaffed(String poolId) {
        var counter = meters.find("leadflow.routing.escalations.unstaffed").tags("pool", poolId).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBreachMovesTheLeadToTheNextMemberAndTheNextBreachUpToTheManager() {
        Team team = team(db, 3, true);
        UUID lead = leadIn(routing, team);
        String first = team.members().get(0);
        assertThat(holder(db, lead)).isEqualTo(first);

        try (TopicProbe routed = TopicProbe.on(bootstrap, "leads.routing.v1")) {
            breach(lead, first);
            await().atMost(DEADLINE).until(() -> reassignments(db, lead).size() == 1);
            JsonNode moved = reassignments(db, lead).get(0);
            assertThat(List.of(moved.get("fromSdrId").asText(), moved.get("sdrId").asText(), moved.get("poolId").asText(),
                    moved.get("reason").asText(), moved.get("reassignedBy").asText(), moved.get("note").asText()))
                    .containsExactly(first, team.members().get(1), team.poolId(), "sla_breach", "routing-service",
                            "first-touch deadline 2026-11-22T09:20:02.113Z missed");
            assertThat(holder(db, lead)).isEqualTo(team.members().get(1));
            // Relayed like every routing event: the new owner's inbox, notifications and sla-service read it there.
            ConsumerRecord<String, String> relayed = routed.awaitOne(keyed(lead.toString(), "LeadReassigned"), DEADLINE);
            assertThat(header(relayed, "id")).isNotBlank();

            breach(lead, team.members().get(1));
            await().atMost(DEADLINE).until(() -> reassignments(db, lead).size() == 2);
            JsonNode escalated = reassignments(db, lead).get(1);
            assertThat(List.of(escalated.get("fromSdrId").asText(), escalated.get("sdrId").asText(),
                    escalated.get("reason").asText(), escalated.get("note").asText()))
                    .containsExactly(team.members().get(1), team.manager(), "escalated",
                            "first-touch deadline 2026-11-22T09:20:02.113Z missed (breach 2)");
        }
        var assignment = RoutingFixtures.rows(db, "select sdr_id, status, sla_breaches from assignment where lead_id = $1",
                lead).get(0);
        assertThat(List.of(assignment.getString("sdr_id"), assignment.getString("status"), assignment.getInteger("sla_breaches")))
                .containsExactly(team.manager(), "ASSIGNED", 2);
        // The pool's turn moved to the member who took the lead; escalating to the manager does not move it.
        assertThat(RoutingFixtures.rows(db, "select last_position from pool where id = $1", team.poolId()).get(0).getInteger(0))
                .isEqualTo(1);
    }

    @Test
    void thePolicysActionDecidesBetweenTheNextMemberAndTheManager() {
        Team team = team(db, 3, true);
        UUID lead = leadIn(routing, team);
        UUID escalated = UUID.randomUUID();
        TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), escalated.toString(), "SlaBreached",
                slaBreached(db, lead, escalated, team.members().get(0)).put("action", "escalate").toString());
        await().atMost(DEADLINE).until(() -> reassignments(db, lead).size() == 1);
        assertThat(reassignments(db, lead).get(0).get("reason").asText()).isEqualTo("escalated");
        assertThat(holder(db, lead)).isEqualTo(team.manager());

        UUID other = leadIn(routing, team);
        String first = holder(db, other);
        for (int i = 0; i < 3; i++) {
            String from = holder(db, other);
            UUID eventId = UUID.randomUUID();
            TopicProbe.send(bootstrap, "leads.sla.v1", other.toString(), eventId.toString(), "SlaBreached",
                    slaBreached(db, other, eventId, from).put("action", "reassign").toString());
            awaitApplied(eventId);
        }
        assertThat(reassignments(db, other)).hasSize(3).allSatisfy(moved ->
                assertThat(moved.get("reason").asText()).isEqualTo("sla_breach"));
        assertThat(holder(db, other)).isNotEqualTo(team.manager()).isIn(team.members());
        assertThat(first).isIn(team.members());
    }

    @Test
    void aLeadThePolicysAttemptsDidNotReachGoesToNurture() throws Exception {
        Team team = team(db, 2, false);
        UUID lead = leadIn(routing, team);
        UUID eventId = UUID.randomUUID();
        var exhausted = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(io.leadflow.contracts.EventContracts.example("SlaAttemptsExhausted"));
        exhausted.put("leadId", lead.toString()).put("eventId", eventId.toString()).put("sdrId", holder(db, lead));
        TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), eventId.toString(), "SlaAttemptsExhausted",
                exhausted.toString());
        awaitApplied(eventId);

        var assignment = RoutingFixtures.rows(db, "select status, closed_reason, closed_note from assignment where lead_id = $1",
                lead).get(0);
        assertThat(List.of(assignment.getString("status"), assignment.getString("closed_reason")))
                .containsExactly("NURTURED", "no_response");
        assertThat(assignment.getString("closed_note")).isEqualTo("No contact after 6 attempts (SLA policy hot)");
        String nurtured = RoutingFixtures.rows(db, "select payload::text from outbox where aggregateid = $1 and type = 'LeadNurtured'",
                lead.toString()).get(0).getString(0);
        assertThat(io.leadflow.contracts.EventContracts.violations("LeadNurtured", nurtured)).isEmpty();

        // Again for a lead closed meanwhile: nothing changes.
        UUID again = UUID.randomUUID();
        exhausted.put("eventId", again.toString());
        TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), again.toString(), "SlaAttemptsExhausted",
                exhausted.toString());
        awaitApplied(again);
        assertThat(RoutingFixtures.rows(db, "select 1 from outbox where aggregateid = $1 and type = 'LeadNurtured'",
                lead.toString())).hasSize(1);
    }

    @Test
    void anEscalationRecordIsReadAndChangesNothing() throws Exception {
        Team team = team(db, 2, true);
        UUID lead = leadIn(routing, team);
        UUID eventId = UUID.randomUUID();
        var escalated = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(io.leadflow.contracts.EventContracts.example("SlaEscalated"));
        escalated.put("leadId", lead.toString()).put("eventId", eventId.toString());
        String before = holder(db, lead);
        TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), eventId.toString(), "SlaEscalated", escalated.toString());
        await().atMost(DEADLINE).until(() -> {
            var counter = meters.find("leadflow.events.consumed").tags("consumer", "routing-sla", "type", "SlaEscalated").counters();
            return counter.stream().mapToDouble(c -> c.count()).sum() > 0;
        });
        assertThat(holder(db, lead)).isEqualTo(before);
        assertThat(reassignments(db, lead)).isEmpty();
    }

    @Test
    void aRedeliveredBreachMovesTheLeadOnce() {
        Team team = team(db, 3, true);
        UUID lead = leadIn(routing, team);
        UUID eventId = breach(lead, team.members().get(0));
        awaitApplied(eventId);

        send(lead, eventId, team.members().get(0));
        // Same key, same partition: once this later event is applied, the redelivery before it was too.
        awaitApplied(breach(lead, "someone-else"));

        assertThat(reassignments(db, lead)).hasSize(1);
        assertThat(breaches(lead)).isEqualTo(1);
        assertThat(holder(db, lead)).isEqualTo(team.members().get(1));
    }

    @Test
    void aBreachOfAnSdrWhoNoLongerHoldsTheLeadOrOfAClosedLeadChangesNothing() {
        Team team = team(db, 3, true);
        UUID lead = leadIn(routing, team);
        awaitApplied(breach(lead, team.members().get(0)));
        assertThat(holder(db, lead)).isEqualTo(team.members().get(1));

        // The first holder's clock breaching again (a late event) is not the new holder's breach.
        awaitApplied(breach(lead, team.members().get(0)));
        assertThat(reassignments(db, lead)).hasSize(1);
        assertThat(breaches(lead)).isEqualTo(1);

        RoutingFixtures.rows(db, "update assignment set status = 'NURTURED' where lead_id = $1", lead);
        awaitApplied(breach(lead, team.members().get(1)));
        assertThat(reassignments(db, lead)).hasSize(1);
        assertThat(breaches(lead)).isEqualTo(1);
        assertThat(holder(db, lead)).isEqualTo(team.members().get(1));
    }

    @Test
    void aLeadItsSdrAcceptedAfterTheDeadlineStaysTheirs() {
        Team team = team(db, 3, true);
        UUID lead = leadIn(routing, team);
        // sla-service announces a late acceptance as a breach: it reaches routing after the acceptance.
        RoutingFixtures.rows(db, "update assignment set status = 'ACCEPTED', accepted_at = now() where lead_id = $1", lead);

        awaitApplied(breach(lead, team.members().get(0)));

        assertThat(holder(db, lead)).isEqualTo(team.members().get(0));
        assertThat(reassignments(db, lead)).isEmpty();
        assertThat(breaches(lead)).isEqualTo(1);
    }

    @Test
    void withoutItsManagerOnTheRosterAnEscalationGoesToTheNextMemberAndIsCounted() {
        Team team = team(db, 3, false);
        UUID lead = leadIn(routing, team);
        double before = unstaffed(team.poolId());

        awaitApplied(breach(lead, team.members().get(0)));
        awaitApplied(breach(lead, team.members().get(1)));

        assertThat(reassignments(db, lead)).extracting(event -> event.get("reason").asText() + " " + event.get("sdrId").asText())
                .containsExactly("sla_breach " + team.members().get(1), "sla_breach " + team.members().get(2));
        assertThat(unstaffed(team.poolId())).isEqualTo(before + 1);
    }

    @Test
    void whenNobodyElseCanTakeItTheLeadStaysAndNothingIsPublished() {
        Team team = team(db, 2, false);
        UUID lead = leadIn(routing, team);
        RoutingFixtures.rows(db, "update sdr set paused = true where id = $1", team.members().get(1));

        awaitApplied(breach(lead, team.members().get(0)));

        assertThat(holder(db, lead)).isEqualTo(team.members().get(0));
        assertThat(reassignments(db, lead)).isEmpty();
        assertThat(breaches(lead)).isEqualTo(1);
    }

    @Test
    void aBreachWithoutItsSdrGoesToTheDeadLetterTopic() {
        Team team = team(db, 2, false);
        UUID lead = leadIn(routing, team);
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.sla.v1.routing-sla.dlq")) {
            UUID eventId = UUID.randomUUID();
            TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), eventId.toString(), "SlaBreached",
                    slaBreached(db, lead, eventId, "x").without("sdrId").toString());

            ConsumerRecord<String, String> dead = dlq.awaitOne(keyed(lead.toString()), DEADLINE);
            assertThat(header(dead, "dead-letter-reason")).contains("does not fit SlaBreachedIn");
        }
        assertThat(holder(db, lead)).isEqualTo(team.members().get(0));
    }
}
