package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.rules.Condition;
import io.leadflow.rules.ConditionParser;
import io.leadflow.rules.Problems;
import io.leadflow.rules.RuleSetError;
import io.leadflow.rules.Spelling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses and validates rule-set JSON into a compiled {@link ScoringRuleSet}. Never throws on bad
 * input: every problem found comes back as a {@link RuleSetError} with its JSON path. Conditions are the
 * shared condition language ({@link ConditionParser}) over {@link FactCatalog}.
 */
public final class ScoringRuleSets {

    /** The rule set shipped with the service. */
    public static final String DEFAULT_RESOURCE = "leadflow/scoring/default-rule-set.json";

    /** Operators, in the order error messages list them. */
    public static final List<String> OPERATORS = ConditionParser.OPERATORS;
    static final int MAX_DEPTH = ConditionParser.MAX_DEPTH;
    static final Duration MAX_HALF_LIFE = Duration.ofDays(365);

    private static final Set<String> TOP = new LinkedHashSet<>(List.of("version", "description", "mqlThreshold",
            "caps", "temperature", "grade", "engagement", "rules"));
    private static final Set<String> RULE = new LinkedHashSet<>(List.of("id", "dimension", "when", "points",
            "description", "disqualify"));
    private static final Set<String> DIMENSIONS = new LinkedHashSet<>(List.of("fit", "engagement", "intent"));

    private ScoringRuleSets() {
    }

    /** Parses rule-set JSON text. */
    public static RuleSetParseResult parse(String json) {
        Problems problems = new Problems();
        JsonNode root = problems.readJson(json);
        return root == null ? invalid(problems.errors()) : parse(root);
    }

    /** Parses an already-read rule-set JSON tree. */
    public static RuleSetParseResult parse(JsonNode root) {
        Parser p = new Parser();
        if (!p.problems.isObject(root)) {
            return invalid(p.problems.errors());
        }
        ScoringRuleSet ruleSet = p.ruleSet(root);
        return p.problems.none() ? new RuleSetParseResult(Optional.of(ruleSet), List.of()) : invalid(p.problems.errors());
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

        final Problems problems = new Problems();
        final ConditionParser<EvalContext> conditions = new ConditionParser<>(FactCatalog.catalog(),
                EvalContext::accessor, problems);

        void error(String path, String message) {
            problems.add(path, message);
        }

        ScoringRuleSet ruleSet(JsonNode root) {
            problems.unknownProperties(root, "", TOP);
            String version = problems.version(root);
            problems.optionalText(root, "description", "description");
            int mql = problems.intIn(root, "mqlThreshold", "mqlThreshold", 0, 100, true, 0);

            Map<Dimension, Integer> caps = new EnumMap<>(Dimension.class);
            JsonNode capsNode = problems.object(root, "caps", "caps");
            if (capsNode != null) {
                problems.unknownProperties(capsNode, "caps", DIMENSIONS);
                for (Dimension d : Dimension.values()) {
                    caps.put(d, problems.intIn(capsNode, d.jsonName(), "caps." + d.jsonName(), 0, 100, true, 100));
                }
            }

            int warm = 0;
            int hot = 0;
            JsonNode temp = problems.object(root, "temperature", "temperature");
            if (temp != null) {
                problems.unknownProperties(temp, "temperature", new LinkedHashSet<>(List.of("warm", "hot")));
                warm = problems.intIn(temp, "warm", "temperature.warm", 1, 100, true, -1);
                hot = problems.intIn(temp, "hot", "temperature.hot", 1, 100, true, -1);
                if (warm >= 0 && hot >= 0 && hot <= warm) {
                    error("temperature.hot", "must be greater than temperature.warm (" + warm + ")");
                }
            }

            int[] fitBands = new int[3];
            int[] engagementBands = new int[3];
            JsonNode grade = problems.object(root, "grade", "grade");
            if (grade != null) {
                problems.unknownProperties(grade, "grade", new LinkedHashSet<>(List.of("fit", "engagement")));
                fitBands = bands(grade, "fit", List.of("A", "B", "C"), caps.get(Dimension.FIT));
                engagementBands = bands(grade, "engagement", List.of("1", "2", "3"), caps.get(Dimension.ENGAGEMENT));
            }

            Duration halfLife = Duration.ofDays(14);
            int[] engagementPoints = new int[FactCatalog.ENGAGEMENT_TYPES.size()];
            JsonNode eng = problems.object(root, "engagement", "engagement");
            if (eng != null) {
                problems.unknownProperties(eng, "engagement", new LinkedHashSet<>(List.of("halfLife", "points")));
                halfLife = halfLife(eng.get("halfLife"));
                JsonNode points = problems.object(eng, "points", "engagement.points");
                if (points != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = points.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        String path = "engagement.points." + e.getKey();
                        int t = EvalContext.typeIndex(e.getKey());
                        if (t < 0) {
                            error(path, "unknown engagement type" + Spelling.hint(e.getKey(), FactCatalog.ENGAGEMENT_TYPES)
                                    + "; known: " + String.join(", ", FactCatalog.ENGAGEMENT_TYPES));
                        } else {
                            engagementPoints[t] = problems.intValue(e.getValue(), path, 0, 100, 0);
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
                Map<String, String> ids = new HashMap<>();
                for (int i = 0; i < rulesNode.size(); i++) {
                    ScoringRule rule = rule(rulesNode.get(i), "rules[" + i + "]", ids);
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            if (!problems.none()) {
                return null;
            }
            return new ScoringRuleSet(version, mql, caps, warm, hot, fitBands, engagementBands, halfLife,
                    engagementPoints, rules);
        }

        int[] bands(JsonNode grade, String name, List<String> labels, Integer cap) {
            int[] out = new int[labels.size()];
            String base = "grade." + name;
            JsonNode node = problems.object(grade, name, base);
            if (node == null) {
                return out;
            }
            problems.unknownProperties(node, base, new LinkedHashSet<>(labels));
            int previous = Integer.MAX_VALUE;
            String previousLabel = null;
            for (int i = 0; i < labels.size(); i++) {
                String path = base + "." + labels.get(i);
                int value = problems.intIn(node, labels.get(i), path, 0, 100, true, -1);
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

        ScoringRule rule(JsonNode node, String path, Map<String, String> ids) {
            if (!node.isObject()) {
                error(path, "must be an object");
                return null;
            }
            int before = problems.count();
            problems.unknownProperties(node, path, RULE);
            String id = problems.ruleId(node, path, ids);
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
            String description = problems.optionalText(node, "description", path + ".description");
            boolean disqualify = false;
            JsonNode dq = node.get("disqualify");
            if (dq != null && !dq.isBoolean()) {
                error(path + ".disqualify", "must be true or false");
            } else if (dq != null) {
                disqualify = dq.booleanValue();
            }
            JsonNode when = node.get("when");
            Condition<EvalContext> condition = null;
            if (when == null) {
                error(path + ".when", "is required");
            } else {
                condition = conditions.parse(when, path + ".when");
            }
            return problems.count() == before
                    ? new ScoringRule(id, dimension, points, description, disqualify, condition) : null;
        }
    }
}
