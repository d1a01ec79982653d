package io.leadflow.capture.domain;

import java.util.Map;

/**
 * One engagement as a client sent it (a browser beacon, an e-mail tool, a webinar platform), before
 * validation. Keyed by {@code email} (integrations only) or by the snippet's anonymous {@code visitorId}.
 * Field names are the public API's.
 */
public record EngagementEvent(String type, String occurredAt, String email, String visitorId, String url,
                              String title, Utm utm, Map<String, Object> detail) {
}
