package io.leadflow.routing.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.rules.JsonPaths;

import java.util.Objects;

/**
 * The facts routing rules read: a LeadScored-shaped JSON tree ({@code leadId}, {@code lead}, {@code enrichment},
 * {@code score}, {@code conversion}). The nodes are not copied: callers must not mutate them.
 */
public final class RoutingFacts {

    private final String leadId;
    private final JsonNode root;

    private RoutingFacts(String leadId, JsonNode root) {
        this.leadId = leadId;
        this.root = Objects.requireNonNull(root, "root");
    }

    /** A view over a LeadScored payload (or anything with its shape); the lead id is its {@code leadId}. */
    public static RoutingFacts of(JsonNode leadScored) {
        return new RoutingFacts(leadScored.path("leadId").asText(null), leadScored);
    }

    /** The facts from a lead's snapshots, as routing keeps them; any of the nodes may be null (absent). */
    public static RoutingFacts of(String leadId, JsonNode lead, JsonNode enrichment, JsonNode score, JsonNode conversion) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (leadId != null) {
            root.put("leadId", leadId);
        }
        root.set("lead", lead);
        root.set("enrichment", enrichment);
        root.set("score", score);
        root.set("conversion", conversion);
        return new RoutingFacts(leadId, root);
    }

    /** Parses a LeadScored payload; {@link IllegalArgumentException} when it is not a JSON object. */
    public static RoutingFacts parse(String leadScoredJson) {
        return of(JsonPaths.readObject(leadScoredJson, "LeadScored"));
    }

    /** The lead id, which splits experiments; {@code null} when unknown. */
    public String leadId() {
        return leadId;
    }

    /** The JSON the facts read. */
    public JsonNode json() {
        return root;
    }

    /** The text at a path split by {@link JsonPaths#segments}, or {@code null} when absent or not text. */
    String text(String[] segments) {
        JsonNode node = JsonPaths.at(root, segments);
        return node.isTextual() ? node.textValue() : null;
    }
}
