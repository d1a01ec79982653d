package io.leadflow.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorsTest {

    @Test
    void aDatabaseConnectFailsToReachIsRetriedAWrongConfigurationIsNot() {
        // Connect's answer when its validation could not open a connection (seen on a fresh container network).
        assertThat(Connectors.databaseUnreachable("{\"error_code\":400,\"message\":\"Connector configuration is invalid and"
                + " contains the following 1 error(s):\\nError while validating connector config: The connection attempt"
                + " failed.\\n\"}")).isTrue();
        assertThat(Connectors.databaseUnreachable("{\"error_code\":400,\"message\":\"Connector configuration is invalid and"
                + " contains the following 1 error(s):\\nError while validating connector config: FATAL: password"
                + " authentication failed for user \\\"leadflow\\\"\\n\"}")).isFalse();
        assertThat(Connectors.databaseUnreachable(null)).isFalse();
    }
}
