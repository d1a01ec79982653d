package io.leadflow.crm.sync;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * crm-sync with new qualified leads going to a Salesforce connection whose API (token endpoint included) is
 * {@link CrmWireMock}. The built-in connection stays configured (application.properties).
 */
public class SalesforceProfile implements QuarkusTestProfile {

    public static final String CONNECTION = "salesforce";

    @Override
    public Map<String, String> getConfigOverrides() {
        String prefix = "leadflow.crm.connections." + CONNECTION + ".";
        return Map.of(
                "leadflow.crm.connection", CONNECTION,
                prefix + "kind", "salesforce",
                prefix + "client-id", "leadflow-connected-app",
                prefix + "client-secret", "s3cret",
                prefix + "max-attempts", "3",
                prefix + "backoff", "200ms",
                prefix + "timeout", "2s",
                "leadflow.crm.ae.by-sdr.\"sdr-1\"", "ae-anna",
                prefix + "owners.\"ae-anna\"", "0055g00000AnnaAE");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CrmWireMock.class, Map.of("connection", CONNECTION)));
    }
}
