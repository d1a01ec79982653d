package io.leadflow.capture.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The webhook tests' settings: a small per-source budget (so its 429 can be seen), and a per-address budget large
 * enough that the many requests of these tests from one address are never throttled by it.
 */
public class WebhookTestProfile implements QuarkusTestProfile {

    static final int SOURCE_BURST = 6;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadflow.capture.rate-limit.per-second", "1000", "leadflow.capture.rate-limit.burst", "1000",
                "leadflow.capture.webhooks.rate-limit.per-second", "0.1",
                "leadflow.capture.webhooks.rate-limit.burst", Integer.toString(SOURCE_BURST));
    }
}
