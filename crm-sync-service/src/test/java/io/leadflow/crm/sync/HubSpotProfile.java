package io.leadflow.crm.sync;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * crm-sync with new qualified leads going to a HubSpot connection whose API is {@link CrmWireMock}. A profile of
 * its own, so the classes that test the built-in CRM keep an application where {@code builtin} is the active
 * connection. The built-in connection stays configured (application.properties).
 */
public class HubSpotProfile implements QuarkusTestProfile {

    public static final String CONNECTION = "hubspot";
    public static final String TOKEN = "test-token";
    public static final String WEBHOOK_SECRET = "hubspot-client-secret-for-tests";

    @Override
    public Map<String, String> getConfigOverrides() {
        String prefix = "leadflow.crm.connections." + CONNECTION + ".";
        return Map.of(
                "leadflow.crm.connection", CONNECTION,
                prefix + "kind", "hubspot",
                prefix + "token", TOKEN,
                prefix + "webhook-secret", WEBHOOK_SECRET,
                prefix + "max-attempts", "3",
                prefix + "backoff", "200ms",
                prefix + "timeout", "2s");
    }

    /** The HubSpot API, for this profile's tests only (it sets the connection's base-url). */
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CrmWireMock.class, Map.of("connection", CONNECTION)));
    }
}
