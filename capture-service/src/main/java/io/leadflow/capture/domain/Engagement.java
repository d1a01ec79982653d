package io.leadflow.capture.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A valid, normalised engagement, ready to store: keyed by {@code emailKey} (the lead identity of the address an
 * integration sent) when it has one, else by {@code visitorId}. {@code leadId} is set once it is known.
 */
public record Engagement(UUID id, EngagementType type, Instant occurredAt, String emailKey, String visitorId,
                         String url, String title, Utm utm, Map<String, Object> detail) {
}
