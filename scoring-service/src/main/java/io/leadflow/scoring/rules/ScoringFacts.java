package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.rules.JsonPaths;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A read-only view of a lead's facts: the LeadEnriched JSON (or any payload with the same
 * {@code lead} and {@code enrichment} objects, such as LeadScored) with dotted-path lookup, so a new
 * enrichment field needs no code change. The node is not copied: callers must not mutate it.
 */
public final class ScoringFacts {

    private final JsonNode root;

    private ScoringFacts(JsonNode root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** A view over a parsed LeadEnriched payload. */
    public static ScoringFacts of(JsonNode leadEnriched) {
        return new ScoringFacts(leadEnriched);
    }

    /** Parses a LeadEnriched payload; {@link IllegalArgumentException} when it is not a JSON object. */
    public static ScoringFacts parse(String leadEnrichedJson) {
        return new ScoringFacts(JsonPaths.readObject(leadEnrichedJson, "LeadEnriched"));
    }

    /** The lead id ({@code leadId}), or {@code null}. */
    public String leadId() {
        return root.path("leadId").asText(null);
    }

    /** The node at a dotted path such as {@code enrichment.person.seniority}; missing node when absent. */
    public JsonNode get(String dottedPath) {
        return get(JsonPaths.segments(dottedPath));
    }

    /**
     * The event time a lead is scored at: the latest of its capture and its engagements, never the wall clock, so
     * a redelivery, a late arrival or a replay gives the same score. The wall clock only when neither has a time.
     */
    public Instant scoredAt(List<Engagement> history) {
        Instant at = Instant.EPOCH;
        JsonNode captured = get("lead.capturedAt");
        if (captured.isTextual()) {
            at = Instant.parse(captured.asText());
        }
        for (Engagement e : history) {
            if (e.occurredAt().isAfter(at)) {
                at = e.occurredAt();
            }
        }
        return at.equals(Instant.EPOCH) ? Instant.now() : at;
    }

    /** The JSON the facts read. */
    public JsonNode json() {
        return root;
    }

    JsonNode get(String[] segments) {
        return JsonPaths.at(root, segments);
    }
}
