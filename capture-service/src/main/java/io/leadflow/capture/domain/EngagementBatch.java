package io.leadflow.capture.domain;

import java.util.List;

/**
 * A request to {@code POST /api/v1/engagement}: {@code {"formId": ..., "events": [...]}}, or one event on its own
 * ({@code batch} false: its problems name the fields without an {@code events[i].} prefix).
 */
public record EngagementBatch(String formId, List<EngagementEvent> events, boolean batch) {
}
