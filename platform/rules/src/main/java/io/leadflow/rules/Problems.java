package io.leadflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The errors one parse of a rule set finds, each with its JSON path, and the checks every rule-set format
 * makes (required objects, integers in range, unknown properties with "did you mean", versions, rule ids).
 * A parse reports every problem it finds and never throws on bad input.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<RuleSetError> errors = new ArrayList<>();

    public void add(String path, String message) {
        errors.add(new RuleSetError(path, message));
    }

    /** How many errors so far: compare before and after a part to know whether it was valid. */
    public int count() {
        return errors.size();
    }

    public boolean none() {
        return errors.isEmpty();
    }

    public List<RuleSetError> errors() {
        return List.copyOf(errors);
    }

    /**
     * The JSON tree of {@code json} (a missing node for null or empty text), or {@code null} with a
     * {@code $: not valid JSON: ... (line l, column c)} error.
     */
    public JsonNode readJson(String json) {
        try {
            return JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            add("$", "not valid JSON: " + e.getOriginalMessage() + where);
            return null;
        }
    }

    /** Whether the document is a JSON object; {@code $: must be a JSON object} when not. */
    public boolean isObject(JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            add("$", "must be a JSON object");
            return false;
        }
        return true;
    }

    /** The required, non-blank {@code version} of a rule set, or {@code null}. */
    public String version(JsonNode root) {
        JsonNode v = root.get("version");
        if (v == null) {
            add("version", "is required");
        } else if (!v.isTextual() || v.asText().isBlank()) {
            add("version", "must be a non-blank string");
        } else {
            return v.asText();
        }
        return null;
    }

    /** The optional text property {@code name} ({@code ""} when absent); an error when it is not a string. */
    public String optionalText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node != null && !node.isTextual()) {
            add(path, "must be a string");
            return "";
        }
        return node == null ? "" : node.asText();
    }

    /**
     * The required id of the rule at {@code path}: 1-64 lower-case letters, digits and dashes, unique among the
     * ids in {@code seen} (id to the path of the rule that used it first, filled here); {@code null} when wrong.
     */
    public String ruleId(JsonNode rule, String path, Map<String, String> seen) {
        JsonNode idNode = rule.get("id");
        if (idNode == null) {
            add(path + ".id", "is required");
        } else if (!idNode.isTextual() || !RULE_ID.matcher(idNode.asText()).matches()) {
            add(path + ".id", "must be 1-64 lower-case letters, digits and dashes, starting with a letter"
                    + " or digit, got " + idNode);
        } else {
            String id = idNode.asText();
            String first = seen.putIfAbsent(id, path);
            if (first != null) {
                add(path + ".id", "duplicate id \"" + id + "\" (first used by " + first + ")");
            }
            return id;
        }
        return null;
    }

    /** The required object {@code name}, or {@code null} with an error. */
    public JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null) {
            add(path, "is required");
            return null;
        }
        if (!node.isObject()) {
            add(path, "must be an object");
            return null;
        }
        return node;
    }

    /** The integer {@code name} within [min, max]; {@code fallback} when absent or wrong (an error unless absent and optional). */
    public int intIn(JsonNode parent, String name, String path, int min, int max, boolean required, int fallback) {
        JsonNode node = parent.get(name);
        if (node == null) {
            if (required) {
                add(path, "is required");
            }
            return fallback;
        }
        return intValue(node, path, min, max, fallback);
    }

    public int intValue(JsonNode node, String path, int min, int max, int fallback) {
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            add(path, "must be an integer between " + min + " and " + max + ", got " + node);
            return fallback;
        }
        return node.asInt();
    }

    /** An error for each property of {@code node} not in {@code known} (in its order), with the closest known one. */
    public void unknownProperties(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                add(path.isEmpty() ? name : path + "." + name, "unknown property" + Spelling.hint(name, known)
                        + "; known: " + String.join(", ", known));
            }
        }
    }

    /** The property names of an object, comma-separated. */
    public static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
