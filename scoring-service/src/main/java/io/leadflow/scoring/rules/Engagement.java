package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One thing a lead did (an item of a {@code LeadEngaged} event): its id, its type
 * ({@code page_view}, {@code pricing_page_visit} ...) and when it happened by the sender's clock.
 * Scoring decays by {@code occurredAt}, never by arrival. The caller de-duplicates by id.
 */
public record Engagement(String engagementId, String type, Instant occurredAt) {

    public Engagement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The engagements of a {@code LeadEngaged} event (its {@code engagements} array). */
    public static List<Engagement> fromLeadEngaged(JsonNode event) {
        List<Engagement> out = new ArrayList<>();
        for (JsonNode e : event.path("engagements")) {
            out.add(new Engagement(e.path("engagementId").asText(null), e.path("type").asText(),
                    Instant.parse(e.path("occurredAt").asText())));
        }
        return List.copyOf(out);
    }
}
