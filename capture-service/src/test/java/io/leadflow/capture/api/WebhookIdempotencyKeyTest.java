package io.leadflow.capture.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookIdempotencyKeyTest {

    @Test
    void aSourcesEventIdsAreKeysOfTheirOwn() {
        assertThat(WebhookResource.idempotencyKey("fb-leads", "evt_1")).isEqualTo("webhook:fb-leads:evt_1");
        assertThat(WebhookResource.idempotencyKey("other", "evt_1")).isNotEqualTo(WebhookResource.idempotencyKey("fb-leads", "evt_1"));
    }

    @Test
    void anIdTooLongForTheKeyColumnIsReplacedByItsDigest() {
        String longId = "x".repeat(500);
        String key = WebhookResource.idempotencyKey("a".repeat(64), longId);
        assertThat(key).hasSizeLessThanOrEqualTo(200).startsWith("webhook:" + "a".repeat(64) + ":sha256:");
        assertThat(WebhookResource.idempotencyKey("a".repeat(64), longId)).isEqualTo(key);
        assertThat(WebhookResource.idempotencyKey("a".repeat(64), longId + "y")).isNotEqualTo(key);
    }
}
