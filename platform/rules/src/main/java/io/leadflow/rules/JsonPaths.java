package io.leadflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Dotted paths into a JSON tree ({@code enrichment.person.seniority}), split once at parse time. */
public final class JsonPaths {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonPaths() {
    }

    /**
     * Parses an event payload to read facts from; {@link IllegalArgumentException} when it is not JSON
     * ({@code not valid JSON: ...}) or not an object ({@code a <what> payload must be a JSON object}).
     */
    public static JsonNode readObject(String json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a " + what + " payload must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The segments of a dotted path. */
    public static String[] segments(String dottedPath) {
        return dottedPath.split("\\.");
    }

    /** The node at the path; the missing node when any segment is absent. */
    public static JsonNode at(JsonNode root, String[] segments) {
        JsonNode node = root;
        for (String s : segments) {
            node = node.get(s);
            if (node == null) {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /** A node as conditions compare it: String, Double, Boolean, the node itself (object, array) or null (absent). */
    public static Object value(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node;
    }

    /** A value as evidence shows it: objects and arrays as their JSON text. */
    static Object shown(Object value) {
        return value instanceof JsonNode n ? n.toString() : value;
    }
}
