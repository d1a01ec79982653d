package io.leadflow.messaging.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;

import java.util.UUID;

/** Events the services' tests publish, built from the contracts' examples so they stay valid as the contracts change. */
public final class ContractEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractEvents() {
    }

    /** The contract's example of {@code eventType}, for this lead, with a new event id. */
    public static ObjectNode example(String eventType, String leadId) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.example(eventType));
            return event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable example of " + eventType, e);
        }
    }

    /** Publishes LeadErased for the lead on {@code leads.capture.v1}, as capture's erasure does. */
    public static void sendLeadErased(String bootstrap, String leadId) {
        ObjectNode event = example("LeadErased", leadId);
        TopicProbe.send(bootstrap, "leads.capture.v1", leadId, event.get("eventId").asText(), "LeadErased", event.toString());
    }
}
