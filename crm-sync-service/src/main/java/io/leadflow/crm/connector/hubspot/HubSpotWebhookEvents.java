package io.leadflow.crm.connector.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a HubSpot webhook delivery: a JSON array of events such as
 * {@code {"subscriptionType": "deal.propertyChange", "objectId": 1234, "propertyName": "dealstage",
 * "propertyValue": "closedwon", "occurredAt": 1700000000000, ...}}. The events only say which deal changed; the
 * receiver fetches each deal's current state ({@link HubSpotConnector#findDeal}), so order, duplicates and HubSpot's
 * retries of a delivery do not matter.
 */
public final class HubSpotWebhookEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEAL_EVENTS = Set.of("deal.propertyChange", "deal.creation", "deal.deletion");
    /** The generic subscriptions ({@code object.propertyChange}, …) name the object type by id: deals are 0-3. */
    private static final Set<String> OBJECT_EVENTS = Set.of("object.propertyChange", "object.creation",
            "object.deletion");
    private static final String DEAL_TYPE_ID = "0-3";

    private HubSpotWebhookEvents() {
    }

    /**
     * The distinct ids of the deals created, changed or deleted in the delivery, in the order they first appear.
     *
     * @throws IllegalArgumentException when the body is not a JSON array
     */
    public static List<String> dealIds(String body) {
        JsonNode events;
        try {
            events = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("HubSpot webhook body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException("HubSpot webhook body must be a JSON array of events");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode event : events) {
            String type = event.path("subscriptionType").asText("");
            boolean deal = DEAL_EVENTS.contains(type)
                    || (OBJECT_EVENTS.contains(type) && DEAL_TYPE_ID.equals(event.path("objectTypeId").asText()));
            JsonNode objectId = event.path("objectId");
            if (deal && (objectId.isIntegralNumber() || objectId.isTextual()) && !objectId.asText().isBlank()) {
                ids.add(objectId.asText());
            }
        }
        return List.copyOf(ids);
    }
}
