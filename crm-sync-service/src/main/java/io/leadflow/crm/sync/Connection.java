package io.leadflow.crm.sync;

import io.leadflow.crm.connector.CrmConnector;
import io.smallrye.faulttolerance.api.Guard;

import java.time.Duration;
import java.util.Optional;

/**
 * One configured CRM connection: its connector and everything that protects it. The guard holds this connection's own
 * rate limit, circuit breaker and timeout, so a slow or failing HubSpot never slows a Salesforce connection.
 */
public record Connection(String name, CrmConnector connector, Guard guard, Backoff backoff, int maxAttempts,
                         ConversionPlan plan, Optional<Duration> pollInterval, Optional<String> webhookSecret) {

    public String kind() {
        return connector.kind();
    }

    /** Where this connection's failed syncs are dead-lettered (outbox aggregate type; topic leads.&lt;it&gt;.v1). */
    public String deadLetterAggregate() {
        return "crm." + name + ".dlq";
    }
}
