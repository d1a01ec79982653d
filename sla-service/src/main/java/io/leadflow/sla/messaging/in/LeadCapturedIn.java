package io.leadflow.sla.messaging.in;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/** The KPI read model's trimmed copy of LeadCaptured: when, through which channel, from which source and campaign. */
public record LeadCapturedIn(Instant capturedAt, String channel, JsonNode utm) {

    public LeadCapturedIn {
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    public String source() {
        return utm == null ? null : utm.path("source").asText(null);
    }

    public String campaign() {
        return utm == null ? null : utm.path("campaign").asText(null);
    }
}
