package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.routing.notifications.Reassignment.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookMessageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final String ACCEPT = "https://x/accept.html#token=t";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MANUAL     | manual     | Reassigned from sdr-bob by RevOps (revops-user)",
            "DECLINED   | declined   | Given back by sdr-bob",
            "SLA_BREACH | sla_breach | sdr-bob missed the SLA deadline",
            "ESCALATED  | escalated  | Escalated from sdr-bob to the manager of pool enterprise-na"})
    void aReassignedLeadSaysToWhomFromWhomAndWhyAsTextAndAsData(Reason reason, String wire, String why) {
        Reassignment moved = ReassignmentEmailTest.moved(reason, null);
        UUID delivery = UUID.randomUUID();
        JsonNode body = WebhookMessage.reassigned(MAPPER, delivery, moved, ReassignmentEmailTest.card("Ada Lovelace", null),
                ACCEPT);

        String headline = "Lead reassigned to sdr-grace: Ada Lovelace (Acme Robotics), score 72, grade A2";
        assertThat(body.get("text").asText()).isEqualTo(headline + " - " + why);
        assertThat(body.at("/blocks/0/text/text").asText()).startsWith("*" + headline + "*\n" + why + "\n");
        assertThat(body.at("/blocks/1/elements/0/url").asText()).isEqualTo(ACCEPT);
        JsonNode data = body.get("leadflow");
        assertThat(data.get("eventType").asText()).isEqualTo("LeadReassigned");
        assertThat(data.get("deliveryId").asText()).isEqualTo(delivery.toString());
        assertThat(data.get("leadId").asText()).isEqualTo(moved.leadId().toString());
        assertThat(data.get("sdrId").asText()).isEqualTo("sdr-grace");
        assertThat(data.get("fromSdrId").asText()).isEqualTo("sdr-bob");
        assertThat(data.get("poolId").asText()).isEqualTo("enterprise-na");
        assertThat(data.get("reason").asText()).isEqualTo(wire);
        assertThat(data.get("reassignedBy").asText()).isEqualTo("revops-user");
        assertThat(data.get("reassignedAt").asText()).isEqualTo("2026-12-01T10:15:00Z");
        assertThat(data.get("note").isNull()).isTrue();
        assertThat(data.at("/lead/email").asText()).isEqualTo("ada@acme-robotics.com");
    }

    @Test
    void theNoteIsShownAndAnythingTypedStaysText() {
        Reassignment moved = ReassignmentEmailTest.moved(Reason.MANUAL, "<!channel> covering today");
        JsonNode body = WebhookMessage.reassigned(MAPPER, UUID.randomUUID(), moved,
                ReassignmentEmailTest.card("Ada Lovelace", null), ACCEPT);
        assertThat(body.get("text").asText()).endsWith(": &lt;!channel&gt; covering today");
        assertThat(body.at("/leadflow/note").asText()).isEqualTo("<!channel> covering today");
    }

    @Test
    void anAssignmentStillSaysLeadAssigned() {
        JsonNode body = WebhookMessage.of(MAPPER, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "sdr-grace",
                "enterprise-na", ReassignmentEmailTest.card("Ada Lovelace", null), ACCEPT);
        assertThat(body.get("text").asText()).isEqualTo("New lead for sdr-grace: Ada Lovelace (Acme Robotics), score 72, grade A2");
        assertThat(body.at("/leadflow/eventType").asText()).isEqualTo("LeadAssigned");
        assertThat(body.at("/leadflow/fromSdrId").isMissingNode()).isTrue();
    }
}
