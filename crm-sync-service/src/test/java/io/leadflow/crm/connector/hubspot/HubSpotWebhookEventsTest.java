package io.leadflow.crm.connector.hubspot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotWebhookEventsTest {

    @Test
    void dealIds_distinctInOrderOfFirstAppearance() {
        String body = "["
                + "{\"eventId\":1,\"subscriptionType\":\"deal.propertyChange\",\"objectId\":101,"
                + "\"propertyName\":\"dealstage\",\"propertyValue\":\"closedwon\",\"occurredAt\":1700000000000},"
                + "{\"eventId\":2,\"subscriptionType\":\"deal.creation\",\"objectId\":102,\"occurredAt\":1700000000001},"
                + "{\"eventId\":3,\"subscriptionType\":\"contact.creation\",\"objectId\":201},"
                + "{\"eventId\":4,\"subscriptionType\":\"deal.propertyChange\",\"objectId\":101,"
                + "\"propertyName\":\"amount\",\"propertyValue\":\"1200\"},"
                + "{\"eventId\":5,\"subscriptionType\":\"deal.deletion\",\"objectId\":103},"
                + "{\"eventId\":6,\"subscriptionType\":\"object.propertyChange\",\"objectTypeId\":\"0-3\","
                + "\"objectId\":104},"
                + "{\"eventId\":7,\"subscriptionType\":\"object.creation\",\"objectTypeId\":\"0-1\",\"objectId\":202},"
                + "{\"eventId\":8,\"subscriptionType\":\"deal.propertyChange\"}"
                + "]";

        assertThat(HubSpotWebhookEvents.dealIds(body)).containsExactly("101", "102", "103", "104");
    }

    @Test
    void emptyDelivery_hasNoDeals() {
        assertThat(HubSpotWebhookEvents.dealIds("[]")).isEmpty();
    }

    @Test
    void notAnArray_isRefused() {
        assertThatThrownBy(() -> HubSpotWebhookEvents.dealIds("{\"objectId\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HubSpotWebhookEvents.dealIds("[{"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
