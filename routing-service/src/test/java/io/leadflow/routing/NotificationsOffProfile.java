package io.leadflow.routing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The shipped notification settings: e-mail and webhooks off (the {@code %test} profile turns both on). */
public class NotificationsOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadflow.routing.notifications.email", "false",
                "leadflow.routing.notifications.webhooks", "false");
    }
}
