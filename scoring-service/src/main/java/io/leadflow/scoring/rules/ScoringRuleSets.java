package io.leadflow.scoring.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates rule-set JSON into a compiled {@link ScoringRuleSet}. Never throws on bad
 * input: every problem found comes back as a {@link RuleSetError} with its JSON path.
 */
public final class ScoringRuleSets {

    /** The rule set shipped with the service. */
    public static final String DEFAULT_RESOURCE = "leadflow/scoring/default-rule-set.json";

    /** Operators, in the order error messages list them. */
    public static final List<String> OPERATORS = List.of("eq", "in", "notIn", "exists", "gte", "lte", "between",
            "contains", "endsWith");
    static final int MAX_DEPTH = 10;
    static final Duration MAX_HALF_LIFE = Duration.ofDays(365);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> TOP = new LinkedHashSet<>(List.of("version", "description", "mqlThreshold",
            "caps", "temperature", "grade", "engagement", "rules"));
    private static final Set<String> RULE = new LinkedHashSet<>(List.of("id", "dimension", "when", "points",
            "description", "disqualify"));
    private static final Set<String> DIMENSIONS = new LinkedHashSet<>(List.of("fit", "engagement", "intent"));
    private static final Set<String> LEAF = new LinkedHashSet<>(List.of("field", "op", "value"));
    private static final Set<String> COMBINATORS = new LinkedHashSet<>(List.of("all", "any", "not"));

    private ScoringRuleSets() {
    }

    /** Parses rule-set JSON text. */
    public static RuleSetParseResult parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return invalid(List.of(new RuleSetError("$", "not valid JSON: " + e.getOriginalMessage() + where)));
        }
        return parse(root);
    }

    /** Parses an already-read rule-set JSON tree. */
    public static RuleSetParseResult parse(JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return invalid(List.of(new RuleSetError("$", "must be a JSON object")));
        }
        Parser p = new Parser();
        ScoringRuleSet ruleSet = p.ruleSet(root);
        return p.errors.isEmpty() ? new RuleSetParseResult(Optional.of(ruleSet), List.of()) : invalid(p.errors);
    }

    /** The shipped default rule set; {@link IllegalStateException} if it were ever invalid. */
    public static ScoringRuleSet defaultRuleSet() {
        try (InputStream in = ScoringRuleSets.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleSetParseResult invalid(List<RuleSetError> errors) {
        return new RuleSetParseResult(Optional.empty(), errors);
    }

    /** One parse: walks the tree, collects errors, compiles what is valid. */
    private static final class Parser {

        final List<RuleSetError> errors = new ArrayList<>();

        void error(String path, String message) {
            errors.add(new RuleSetError(path, message));
        }

        ScoringRuleSet ruleSet(JsonNode root) {
            unknownProperties(root, "", TOP);
            String version = null;
            JsonNode v = root.get("version");
            if (v == null) {
                error("version", "is required");
            } else if (!v.isTextual() || v.asText().isBlank()) {
                error("version", "must be a non-blank string");
            } else {
                version = v.asText();
            }
            if (root.has("description") && !root.get("description").isTextual()) {
                error("description", "must be a string");
            }
            int mql = intIn(root, "mqlThreshold", "mqlThreshold", 0, 100, true, 0);

            Map<Dimension, Integer> caps = new EnumMap<>(Dimension.class);
            JsonNode capsNode = object(root, "caps", "caps");
            if (capsNode != null) {
                unknownProperties(capsNode, "caps", DIMENSIONS);
                for (Dimension d : Dimension.values()) {
                    caps.put(d, intIn(capsNode, d.jsonName(), "caps." + d.jsonName(), 0, 100, true, 100));
                }
            }

            int warm = 0;
            int hot = 0;
            JsonNode temp = object(root, "temperature", "temperature");
            if (temp != null) {
                unknownProperties(temp, "temperature", new LinkedHashSet<>(List.of("warm", "hot")));
                warm = intIn(temp, "warm", "temperature.warm", 1, 100, true, -1);
                hot = intIn(temp, "hot", "temperature.hot", 1, 100, true, -1);
                if (warm >= 0 && hot >= 0 && hot <= warm) {
                    error("temperature.hot", "must be greater than temperature.warm (" + warm + ")");
                }
            }

            int[] fitBands = new int[3];
            int[] engagementBands = new int[3];
            JsonNode grade = object(root, "grade", "grade");
            if (grade != null) {
                unknownProperties(grade, "grade", new LinkedHashSet<>(List.of("fit", "engagement")));
                fitBands = bands(grade, "fit", List.of("A", "B", "C"), caps.get(Dimension.FIT));
                engagementBands = bands(grade, "engagement", List.of("1", "2", "3"), caps.get(Dimension.ENGAGEMENT));
            }

            Duration halfLife = Duration.ofDays(14);
            int[] engagementPoints = new int[FactCatalog.ENGAGEMENT_TYPES.size()];
            JsonNode eng = object(root, "engagement", "engagement");
            if (eng != null) {
                unknownProperties(eng, "engagement", new LinkedHashSet<>(List.of("halfLife", "points")));
                halfLife = halfLife(eng.get("halfLife"));
                JsonNode points = object(eng, "points", "engagement.points");
                if (points != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = points.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        String path = "engagement.points." + e.getKey();
                        int t = EvalContext.typeIndex(e.getKey());
                        if (t < 0) {
                            error(path, "unknown engagement type" + Spelling.hint(e.getKey(), FactCatalog.ENGAGEMENT_TYPES)
                                    + "; known: " + String.join(", ", FactCatalog.ENGAGEMENT_TYPES));
                        } else {
                            engagementPoints[t] = intValue(e.getValue(), path, 0, 100, 0);
                        }
                    }
                }
            }

            List<ScoringRule> rules = new ArrayList<>();
            JsonNode rulesNode = root.get("rules");
            if (rulesNode == null) {
                error("rules", "is required");
            } else if (!rulesNode.isArray()) {
                error("rules", "must be an array");
            } else {
                Map<String, Integer> ids = new HashMap<>();
                for (int i = 0; i < rulesNode.size(); i++) {
                    ScoringRule rule = rule(rulesNode.get(i), "rules[" + i + "]", i, ids);
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            return new ScoringRuleSet(version, mql, caps, warm, hot, fitBands, engagementBands, halfLife,
                    engagementPoints, rules);
        }

        int[] bands(JsonNode grade, String name, List<String> labels, Integer cap) {
            int[] out = new int[labels.size()];
            String base = "grade." + name;
            JsonNode node = object(grade, name, base);
            if (node == null) {
                return out;
            }
            unknownProperties(node, base, new LinkedHashSet<>(labels));
            int previous = Integer.MAX_VALUE;
            String previousLabel = null;
            for (int i = 0; i < labels.size(); i++) {
                String path = base + "." + labels.get(i);
                int value = intIn(node, labels.get(i), path, 0, 100, true, -1);
                out[i] = value;
                if (value < 0) {
                    previous = Integer.MAX_VALUE; // already reported; do not chain errors
                    continue;
                }
                if (previous != Integer.MAX_VALUE && value >= previous) {
                    error(path, "must be less than " + base + "." + previousLabel + " (" + previous
                            + "): bands go from best to worst");
                }
                if (i == 0 && cap != null && value > cap) {
                    error(path, value + " is above caps." + name + " (" + cap + "), so " + labels.get(0)
                            + " could never be given");
                }
                previous = value;
                previousLabel = labels.get(i);
            }
            return out;
        }

        Duration halfLife(JsonNode node) {
            if (node == null) {
                error("engagement.halfLife", "is required (an ISO-8601 duration such as P14D)");
                return Duration.ofDays(14);
            }
            String text = node.asText();
            try {
                Duration d = Duration.parse(text);
                if (d.isNegative() || d.isZero()) {
                    error("engagement.halfLife", "must be positive, got " + text);
                } else if (d.compareTo(MAX_HALF_LIFE) > 0) {
                    error("engagement.halfLife", "must be at most P365D, got " + text);
                } else {
                    return d;
                }
            } catch (DateTimeParseException e) {
                error("engagement.halfLife", "\"" + text + "\" is not an ISO-8601 duration such as P14D or PT36H");
            }
            return Duration.ofDays(14);
        }

        ScoringRule rule(JsonNode node, String path, int index, Map<String, Integer> ids) {
            if (!node.isObject()) {
                error(path, "must be an object");
                return null;
            }
            int before = errors.size();
            unknownProperties(node, path, RULE);
            String id = null;
            JsonNode idNode = node.get("id");
            if (idNode == null) {
                error(path + ".id", "is required");
            } else if (!idNode.isTextual() || !RULE_ID.matcher(idNode.asText()).matches()) {
                error(path + ".id", "must be 1-64 lower-case letters, digits and dashes, starting with a letter"
                        + " or digit, got " + idNode);
            } else {
                id = idNode.asText();
                Integer first = ids.putIfAbsent(id, index);
                if (first != null) {
                    error(path + ".id", "duplicate id \"" + id + "\" (first used by rules[" + first + "])");
                }
            }
            Dimension dimension = null;
            JsonNode dim = node.get("dimension");
            if (dim == null) {
                error(path + ".dimension", "is required: one of fit, engagement, intent");
            } else {
                dimension = Dimension.fromJson(dim.asText());
                if (dimension == null || !dim.isTextual()) {
                    error(path + ".dimension", "unknown dimension " + dim + Spelling.hint(dim.asText(), DIMENSIONS)
                            + "; known: fit, engagement, intent");
                }
            }
            int points = 0;
            JsonNode p = node.get("points");
            if (p == null) {
                error(path + ".points", "is required");
            } else if (!p.isIntegralNumber() || p.asLong() < -100 || p.asLong() > 100) {
                error(path + ".points", "must be between -100 and 100, got " + p);
            } else if (p.asInt() == 0) {
                error(path + ".points", "must not be 0 (a rule that scores nothing)");
            } else {
                points = p.asInt();
            }
            String description = "";
            JsonNode desc = node.get("description");
            if (desc != null && !desc.isTextual()) {
                error(path + ".description", "must be a string");
            } else if (desc != null) {
                description = desc.asText();
            }
            boolean disqualify = false;
            JsonNode dq = node.get("disqualify");
            if (dq != null && !dq.isBoolean()) {
                error(path + ".disqualify", "must be true or false");
            } else if (dq != null) {
                disqualify = dq.booleanValue();
            }
            JsonNode when = node.get("when");
            Condition condition = null;
            if (when == null) {
                error(path + ".when", "is required");
            } else {
                condition = condition(when, path + ".when", 1);
            }
            return errors.size() == before ? new ScoringRule(id, dimension, points, description, disqualify, condition)
                    : null;
        }

        Condition condition(JsonNode node, String path, int depth) {
            if (!node.isObject()) {
                error(path, "must be an object: {\"field\", \"op\", \"value\"} or one of all, any, not");
                return null;
            }
            if (depth > MAX_DEPTH) {
                error(path, "nested too deeply (at most " + MAX_DEPTH + " levels)");
                return null;
            }
            List<String> combinators = new ArrayList<>();
            for (String c : COMBINATORS) {
                if (node.has(c)) {
                    combinators.add(c);
                }
            }
            if (combinators.size() > 1 || (!combinators.isEmpty() && (node.has("field") || node.has("op")))) {
                error(path, "a condition is either field + op (+ value) or exactly one of all, any, not; found "
                        + fieldNames(node));
                return null;
            }
            if (combinators.isEmpty()) {
                return leaf(node, path);
            }
            String c = combinators.get(0);
            if (node.size() > 1) {
                unknownProperties(node, path, Set.of(c));
                return null;
            }
            JsonNode arg = node.get(c);
            if (c.equals("not")) {
                Condition child = condition(arg, path + ".not", depth + 1);
                if (child == null) {
                    return null;
                }
                List<String> paths = new ArrayList<>(new LinkedHashSet<>(fieldsOf(child, new ArrayList<>())));
                return new Condition.Not(child, List.copyOf(paths), paths.stream().map(Accessor::of).toList());
            }
            if (!arg.isArray() || arg.isEmpty()) {
                error(path + "." + c, "must be a non-empty array of conditions");
                return null;
            }
            List<Condition> children = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < arg.size(); i++) {
                Condition child = condition(arg.get(i), path + "." + c + "[" + i + "]", depth + 1);
                ok &= child != null;
                children.add(child);
            }
            if (!ok) {
                return null;
            }
            return c.equals("all") ? new Condition.All(List.copyOf(children)) : new Condition.Any(List.copyOf(children));
        }

        private static List<String> fieldsOf(Condition c, List<String> out) {
            if (c instanceof Condition.All a) {
                a.children().forEach(x -> fieldsOf(x, out));
            } else if (c instanceof Condition.Any a) {
                a.children().forEach(x -> fieldsOf(x, out));
            } else if (c instanceof Condition.Not n) {
                out.addAll(n.paths());
            } else if (c instanceof Condition.Leaf l) {
                out.add(l.path());
            }
            return out;
        }

        Condition leaf(JsonNode node, String path) {
            int before = errors.size();
            unknownProperties(node, path, LEAF);
            FactField field = null;
            JsonNode f = node.get("field");
            if (f == null) {
                error(path + ".field", "is required (or use all, any, not)");
            } else if (!f.isTextual()) {
                error(path + ".field", "must be a string");
            } else {
                field = FactCatalog.field(f.asText());
                if (field == null) {
                    error(path + ".field", "unknown field " + f.asText()
                            + Spelling.hint(f.asText(), FactCatalog.fields().keySet()));
                }
            }
            String op = null;
            JsonNode o = node.get("op");
            if (o == null) {
                error(path + ".op", "is required; known: " + String.join(", ", OPERATORS));
            } else if (!o.isTextual() || !OPERATORS.contains(o.asText())) {
                error(path + ".op", "unknown operator " + o + Spelling.hint(o.asText(), OPERATORS)
                        + "; known: " + String.join(", ", OPERATORS));
            } else {
                op = o.asText();
            }
            if (field == null || op == null) {
                return null;
            }
            Condition c = compile(field, op, node.get("value"), path);
            return errors.size() == before ? c : null;
        }

        Condition compile(FactField field, String op, JsonNode value, String path) {
            String vp = path + ".value";
            Accessor accessor = Accessor.of(field.path());
            FactField.Type type = field.type();
            switch (op) {
                case "exists" -> {
                    if (value != null && !value.isBoolean()) {
                        error(vp, "must be true or false (or left out: true)");
                        return null;
                    }
                    return new Condition.Exists(field.path(), accessor, value == null || value.booleanValue());
                }
                case "eq", "in", "notIn" -> {
                    List<JsonNode> items = new ArrayList<>();
                    if (op.equals("eq")) {
                        if (value == null || value.isArray() || value.isObject() || value.isNull()) {
                            error(vp, "must be a single " + typeName(field) + " (use exists to test for absence)");
                            return null;
                        }
                        items.add(value);
                    } else {
                        if (value == null || !value.isArray() || value.isEmpty()) {
                            error(vp, "must be a non-empty array of " + typeName(field) + "s");
                            return null;
                        }
                        value.forEach(items::add);
                    }
                    Set<Object> values = new HashSet<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object normalised = scalar(field, items.get(i), op.equals("eq") ? vp : vp + "[" + i + "]");
                        if (normalised != null) {
                            values.add(normalised);
                        }
                    }
                    return new Condition.InSet(field.path(), accessor, Set.copyOf(values), type == FactField.Type.TEXT,
                            op.equals("notIn"));
                }
                case "gte", "lte", "between" -> {
                    if (type != FactField.Type.NUMBER) {
                        error(path + ".op", "operator " + op + " needs a number field; " + field.path() + " is "
                                + typeName(field) + " (use eq or in)");
                        return null;
                    }
                    if (op.equals("between")) {
                        if (value == null || !value.isArray() || value.size() != 2 || !value.get(0).isNumber()
                                || !value.get(1).isNumber()) {
                            error(vp, "must be [min, max], two numbers");
                            return null;
                        }
                        double min = value.get(0).doubleValue();
                        double max = value.get(1).doubleValue();
                        if (min > max) {
                            error(vp, "min " + value.get(0) + " is greater than max " + value.get(1));
                            return null;
                        }
                        return new Condition.Range(field.path(), accessor, min, max);
                    }
                    if (value == null || !value.isNumber()) {
                        error(vp, "must be a number");
                        return null;
                    }
                    double bound = value.doubleValue();
                    return op.equals("gte") ? new Condition.Range(field.path(), accessor, bound, Double.POSITIVE_INFINITY)
                            : new Condition.Range(field.path(), accessor, Double.NEGATIVE_INFINITY, bound);
                }
                default -> { // contains, endsWith
                    if (type != FactField.Type.TEXT) {
                        error(path + ".op", "operator " + op + " needs a text field; " + field.path() + " is "
                                + typeName(field) + (type == FactField.Type.ENUM ? " (use eq or in)" : ""));
                        return null;
                    }
                    List<String> needles = new ArrayList<>();
                    if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                        needles.add(value.asText());
                    } else if (value != null && value.isArray() && !value.isEmpty()) {
                        for (int i = 0; i < value.size(); i++) {
                            JsonNode item = value.get(i);
                            if (!item.isTextual() || item.asText().isEmpty()) {
                                error(vp + "[" + i + "]", "must be a non-empty string");
                            } else {
                                needles.add(item.asText());
                            }
                        }
                    } else {
                        error(vp, "must be a non-empty string or a non-empty array of strings");
                        return null;
                    }
                    return new Condition.Text(field.path(), accessor, needles.toArray(String[]::new),
                            op.equals("endsWith"));
                }
            }
        }

        /** A value of the field's type, normalised for comparison; null (with an error) when wrong. */
        Object scalar(FactField field, JsonNode v, String path) {
            switch (field.type()) {
                case TEXT -> {
                    if (v.isTextual()) {
                        return v.asText().toLowerCase(Locale.ROOT);
                    }
                }
                case NUMBER -> {
                    if (v.isNumber()) {
                        return v.doubleValue();
                    }
                }
                case BOOLEAN -> {
                    if (v.isBoolean()) {
                        return v.booleanValue();
                    }
                }
                case ENUM -> {
                    if (v.isTextual()) {
                        if (field.allowedValues().contains(v.asText())) {
                            return v.asText();
                        }
                        error(path, "unknown value \"" + v.asText() + "\" for " + field.path()
                                + Spelling.hint(v.asText(), field.allowedValues()) + "; allowed: "
                                + String.join(", ", field.allowedValues()));
                        return null;
                    }
                }
            }
            error(path, "must be a " + typeName(field) + " (" + field.path() + "), got " + v);
            return null;
        }

        static String typeName(FactField field) {
            return switch (field.type()) {
                case TEXT -> "string";
                case ENUM -> "enum value";
                case NUMBER -> "number";
                case BOOLEAN -> "boolean";
            };
        }

        JsonNode object(JsonNode parent, String name, String path) {
            JsonNode node = parent.get(name);
            if (node == null) {
                error(path, "is required");
                return null;
            }
            if (!node.isObject()) {
                error(path, "must be an object");
                return null;
            }
            return node;
        }

        int intIn(JsonNode parent, String name, String path, int min, int max, boolean required, int fallback) {
            JsonNode node = parent.get(name);
            if (node == null) {
                if (required) {
                    error(path, "is required");
                }
                return fallback;
            }
            return intValue(node, path, min, max, fallback);
        }

        int intValue(JsonNode node, String path, int min, int max, int fallback) {
            if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
                error(path, "must be an integer between " + min + " and " + max + ", got " + node);
                return fallback;
            }
            return node.asInt();
        }

        void unknownProperties(JsonNode node, String path, Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    error(path.isEmpty() ? name : path + "." + name, "unknown property" + Spelling.hint(name, known)
                            + "; known: " + String.join(", ", known));
                }
            }
        }

        static String fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        }
    }
}
