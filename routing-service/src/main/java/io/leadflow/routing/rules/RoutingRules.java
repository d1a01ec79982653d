package io.leadflow.routing.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.rules.Condition;
import io.leadflow.rules.ConditionParser;
import io.leadflow.rules.ParseResult;
import io.leadflow.rules.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates routing rule-set JSON into a compiled {@link RoutingRuleSet}. Never throws on bad input:
 * every problem found comes back as an error with its JSON path. Conditions are the shared condition language
 * ({@link ConditionParser}) over {@link RoutingFields}.
 */
public final class RoutingRules {

    /** The rule set shipped with the service: everything to pool {@code default}, as before rules were data. */
    public static final String DEFAULT_RESOURCE = "leadflow/routing/default-rule-set.json";
    /** The rule id of a decision no rule made (reserved: no rule may use it). */
    public static final String CATCH_ALL = "catch-all";
    /** The account-owner fallback meaning the pool the owner belongs to. */
    public static final String OWNER_POOL = "owner-pool";
    /** At most this many rules per variant. */
    public static final int MAX_RULES = 1000;

    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> TOP = new LinkedHashSet<>(List.of("version", "description", "rules", "catchAll",
            "experiment"));
    private static final Set<String> RULE = new LinkedHashSet<>(List.of("id", "when", "route", "description"));
    private static final Set<String> ROUTE = new LinkedHashSet<>(List.of("pool", "sdr", "accountOwner"));
    private static final Set<String> EXPERIMENT = new LinkedHashSet<>(List.of("id", "shareB", "rules", "description"));

    private RoutingRules() {
    }

    /** Parses rule-set JSON text. */
    public static ParseResult<RoutingRuleSet> parse(String json) {
        Problems problems = new Problems();
        JsonNode root = problems.readJson(json);
        return root == null ? ParseResult.invalid(problems.errors()) : parse(root);
    }

    /** Parses an already-read rule-set JSON tree. */
    public static ParseResult<RoutingRuleSet> parse(JsonNode root) {
        Parser p = new Parser();
        if (!p.problems.isObject(root)) {
            return ParseResult.invalid(p.problems.errors());
        }
        RoutingRuleSet ruleSet = p.ruleSet(root);
        return p.problems.none() ? ParseResult.of(ruleSet) : ParseResult.invalid(p.problems.errors());
    }

    /** The shipped default rule set; {@link IllegalStateException} if it were ever invalid. */
    public static RoutingRuleSet defaultRuleSet() {
        return parse(defaultDefinition()).orElseThrow();
    }

    /** The JSON of the shipped default rule set. */
    public static String defaultDefinition() {
        try (InputStream in = RoutingRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parse: walks the tree, collects errors, compiles what is valid. */
    private static final class Parser {

        final Problems problems = new Problems();
        final RoutingContext.Slots slots = new RoutingContext.Slots();
        final ConditionParser<RoutingContext> conditions = new ConditionParser<>(RoutingFields.catalog(), slots, problems);

        RoutingRuleSet ruleSet(JsonNode root) {
            problems.unknownProperties(root, "", TOP);
            String version = problems.version(root);
            if (version != null && version.length() > 64) {
                problems.add("version", "must be at most 64 characters, got " + version.length());
            }
            String description = problems.optionalText(root, "description", "description");
            List<RoutingRule> rules = rules(root, "rules", "rules");
            String catchAll = null;
            JsonNode catchAllNode = problems.object(root, "catchAll", "catchAll");
            if (catchAllNode != null) {
                problems.unknownProperties(catchAllNode, "catchAll", Set.of("pool"));
                catchAll = target(catchAllNode, "pool", "catchAll.pool", "pool");
            }
            Experiment experiment = null;
            JsonNode exp = root.get("experiment");
            if (exp != null) {
                experiment = experiment(exp);
            }
            if (!problems.none()) {
                return null;
            }
            return new RoutingRuleSet(version, description, rules, catchAll, experiment, slots.paths());
        }

        Experiment experiment(JsonNode node) {
            if (!node.isObject()) {
                problems.add("experiment", "must be an object");
                return null;
            }
            problems.unknownProperties(node, "experiment", EXPERIMENT);
            String id = problems.ruleId(node, "experiment", new HashMap<>());
            int shareB = problems.intIn(node, "shareB", "experiment.shareB", 0, 100, true, 0);
            String description = problems.optionalText(node, "description", "experiment.description");
            List<RoutingRule> rules = rules(node, "rules", "experiment.rules");
            return new Experiment(id, shareB, rules, description);
        }

        List<RoutingRule> rules(JsonNode parent, String name, String path) {
            List<RoutingRule> rules = new ArrayList<>();
            JsonNode node = parent.get(name);
            if (node == null) {
                problems.add(path, "is required (an array, may be empty)");
            } else if (!node.isArray()) {
                problems.add(path, "must be an array");
            } else if (node.size() > MAX_RULES) {
                problems.add(path, "at most " + MAX_RULES + " rules, got " + node.size());
            } else {
                Map<String, String> ids = new HashMap<>();
                for (int i = 0; i < node.size(); i++) {
                    RoutingRule rule = rule(node.get(i), path + "[" + i + "]", ids);
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            return rules;
        }

        RoutingRule rule(JsonNode node, String path, Map<String, String> ids) {
            if (!node.isObject()) {
                problems.add(path, "must be an object");
                return null;
            }
            int before = problems.count();
            problems.unknownProperties(node, path, RULE);
            String id = problems.ruleId(node, path, ids);
            if (CATCH_ALL.equals(id)) {
                problems.add(path + ".id", "\"" + CATCH_ALL + "\" is reserved for the leads no rule matches");
            }
            Condition<RoutingContext> when = null;
            JsonNode whenNode = node.get("when");
            if (whenNode == null) {
                problems.add(path + ".when", "is required");
            } else {
                when = conditions.parse(whenNode, path + ".when");
            }
            Route route = route(node.get("route"), path + ".route");
            String description = problems.optionalText(node, "description", path + ".description");
            return problems.count() == before ? new RoutingRule(id, description, when, route) : null;
        }

        Route route(JsonNode node, String path) {
            if (node == null) {
                problems.add(path, "is required: {\"pool\": id}, {\"sdr\": id} or {\"accountOwner\": {\"else\": ...}}");
                return null;
            }
            if (!node.isObject()) {
                problems.add(path, "must be an object: {\"pool\": id}, {\"sdr\": id} or {\"accountOwner\": {\"else\": ...}}");
                return null;
            }
            int before = problems.count();
            problems.unknownProperties(node, path, ROUTE);
            List<String> kinds = new ArrayList<>();
            ROUTE.forEach(k -> {
                if (node.has(k)) {
                    kinds.add(k);
                }
            });
            if (kinds.size() != 1) {
                if (problems.count() == before) {
                    problems.add(path, "must name exactly one of pool, sdr, accountOwner; found "
                            + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
                }
                return null;
            }
            return switch (kinds.get(0)) {
                case "pool" -> {
                    String pool = target(node, "pool", path + ".pool", "pool");
                    yield pool == null ? null : new Route.Pool(pool);
                }
                case "sdr" -> {
                    String sdr = target(node, "sdr", path + ".sdr", "SDR");
                    yield sdr == null ? null : new Route.Sdr(sdr);
                }
                default -> accountOwner(node.get("accountOwner"), path + ".accountOwner");
            };
        }

        Route accountOwner(JsonNode node, String path) {
            if (!node.isObject()) {
                problems.add(path, "must be an object: {} or {\"else\": \"" + OWNER_POOL + "\" | {\"pool\": id}}");
                return null;
            }
            int before = problems.count();
            problems.unknownProperties(node, path, Set.of("else"));
            JsonNode otherwise = node.get("else");
            String elsePool = null;
            if (otherwise == null || (otherwise.isTextual() && otherwise.asText().equals(OWNER_POOL))) {
                elsePool = null;
            } else if (otherwise.isObject() && otherwise.size() == 1 && otherwise.has("pool")) {
                elsePool = target(otherwise, "pool", path + ".else.pool", "pool");
            } else {
                problems.add(path + ".else", "must be \"" + OWNER_POOL + "\" (the owner's own pool) or {\"pool\": id}, got "
                        + otherwise);
            }
            return problems.count() == before ? new Route.AccountOwner(null, null, elsePool) : null;
        }

        /** A pool or SDR id: 1-64 letters, digits, '.', '_', '-'. */
        String target(JsonNode parent, String name, String path, String what) {
            JsonNode node = parent.get(name);
            if (node == null) {
                problems.add(path, "is required");
            } else if (!node.isTextual() || !TARGET.matcher(node.asText()).matches()) {
                problems.add(path, "must be " + ("SDR".equals(what) ? "an SDR" : "a pool") + " id: 1-64 letters, digits,"
                        + " '.', '_' or '-', got " + node);
            } else {
                return node.asText();
            }
            return null;
        }
    }
}
