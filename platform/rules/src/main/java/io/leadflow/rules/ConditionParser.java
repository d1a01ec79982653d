package io.leadflow.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates and compiles the {@code when} of a rule: a leaf {@code {"field", "op", "value"}} or exactly one of
 * {@code all}, {@code any}, {@code not}, at most {@value #MAX_DEPTH} levels deep. Fields must be in the
 * catalogue; each field's accessor comes from {@code accessors} (called once per leaf at parse time, never
 * while evaluating). Every problem goes to the parse's {@link Problems} with its JSON path.
 *
 * @param <C> what the compiled conditions read: the facts of one evaluation
 */
public final class ConditionParser<C> {

    /** Operators, in the order error messages list them. */
    public static final List<String> OPERATORS = List.of("eq", "in", "notIn", "exists", "gte", "lte", "between",
            "contains", "endsWith");
    public static final int MAX_DEPTH = 10;

    private static final Set<String> LEAF = new LinkedHashSet<>(List.of("field", "op", "value"));
    private static final Set<String> COMBINATORS = new LinkedHashSet<>(List.of("all", "any", "not"));

    private final FieldCatalog catalog;
    private final Function<String, Accessor<C>> accessors;
    private final Problems problems;

    public ConditionParser(FieldCatalog catalog, Function<String, Accessor<C>> accessors, Problems problems) {
        this.catalog = catalog;
        this.accessors = accessors;
        this.problems = problems;
    }

    /** The compiled condition at {@code path}, or {@code null} when it has errors (all reported). */
    public Condition<C> parse(JsonNode node, String path) {
        return condition(node, path, 1);
    }

    /** The paths of the fields a condition reads, in order, each once. */
    public static List<String> paths(Condition<?> condition) {
        return List.copyOf(new LinkedHashSet<>(collect(condition, new ArrayList<>())));
    }

    private static List<String> collect(Condition<?> c, List<String> out) {
        if (c instanceof Condition.All<?> a) {
            a.children().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Any<?> a) {
            a.children().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Not<?> n) {
            out.addAll(n.paths());
        } else if (c instanceof Condition.Leaf<?> l) {
            out.add(l.path());
        }
        return out;
    }

    private Condition<C> condition(JsonNode node, String path, int depth) {
        if (!node.isObject()) {
            problems.add(path, "must be an object: {\"field\", \"op\", \"value\"} or one of all, any, not");
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(path, "nested too deeply (at most " + MAX_DEPTH + " levels)");
            return null;
        }
        List<String> combinators = new ArrayList<>();
        for (String c : COMBINATORS) {
            if (node.has(c)) {
                combinators.add(c);
            }
        }
        if (combinators.size() > 1 || (!combinators.isEmpty() && (node.has("field") || node.has("op")))) {
            problems.add(path, "a condition is either field + op (+ value) or exactly one of all, any, not; found "
                    + Problems.fieldNames(node));
            return null;
        }
        if (combinators.isEmpty()) {
            return leaf(node, path);
        }
        String c = combinators.get(0);
        if (node.size() > 1) {
            problems.unknownProperties(node, path, Set.of(c));
            return null;
        }
        JsonNode arg = node.get(c);
        if (c.equals("not")) {
            Condition<C> child = condition(arg, path + ".not", depth + 1);
            if (child == null) {
                return null;
            }
            List<String> paths = paths(child);
            return new Condition.Not<>(child, paths, paths.stream().map(accessors).toList());
        }
        if (!arg.isArray() || arg.isEmpty()) {
            problems.add(path + "." + c, "must be a non-empty array of conditions");
            return null;
        }
        List<Condition<C>> children = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < arg.size(); i++) {
            Condition<C> child = condition(arg.get(i), path + "." + c + "[" + i + "]", depth + 1);
            ok &= child != null;
            children.add(child);
        }
        if (!ok) {
            return null;
        }
        return c.equals("all") ? new Condition.All<>(List.copyOf(children)) : new Condition.Any<>(List.copyOf(children));
    }

    private Condition<C> leaf(JsonNode node, String path) {
        int before = problems.count();
        problems.unknownProperties(node, path, LEAF);
        FactField field = null;
        JsonNode f = node.get("field");
        if (f == null) {
            problems.add(path + ".field", "is required (or use all, any, not)");
        } else if (!f.isTextual()) {
            problems.add(path + ".field", "must be a string");
        } else {
            field = catalog.field(f.asText());
            if (field == null) {
                problems.add(path + ".field", "unknown field " + f.asText()
                        + Spelling.hint(f.asText(), catalog.fields().keySet()));
            }
        }
        String op = null;
        JsonNode o = node.get("op");
        if (o == null) {
            problems.add(path + ".op", "is required; known: " + String.join(", ", OPERATORS));
        } else if (!o.isTextual() || !OPERATORS.contains(o.asText())) {
            problems.add(path + ".op", "unknown operator " + o + Spelling.hint(o.asText(), OPERATORS)
                    + "; known: " + String.join(", ", OPERATORS));
        } else {
            op = o.asText();
        }
        if (field == null || op == null) {
            return null;
        }
        Condition<C> c = compile(field, op, node.get("value"), path);
        return problems.count() == before ? c : null;
    }

    private Condition<C> compile(FactField field, String op, JsonNode value, String path) {
        String vp = path + ".value";
        Accessor<C> accessor = accessors.apply(field.path());
        FactField.Type type = field.type();
        switch (op) {
            case "exists" -> {
                if (value != null && !value.isBoolean()) {
                    problems.add(vp, "must be true or false (or left out: true)");
                    return null;
                }
                return new Condition.Exists<>(field.path(), accessor, value == null || value.booleanValue());
            }
            case "eq", "in", "notIn" -> {
                List<JsonNode> items = new ArrayList<>();
                if (op.equals("eq")) {
                    if (value == null || value.isArray() || value.isObject() || value.isNull()) {
                        problems.add(vp, "must be a single " + typeName(field) + " (use exists to test for absence)");
                        return null;
                    }
                    items.add(value);
                } else {
                    if (value == null || !value.isArray() || value.isEmpty()) {
                        problems.add(vp, "must be a non-empty array of " + typeName(field) + "s");
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
                return new Condition.InSet<>(field.path(), accessor, Set.copyOf(values), type == FactField.Type.TEXT,
                        op.equals("notIn"));
            }
            case "gte", "lte", "between" -> {
                if (type != FactField.Type.NUMBER) {
                    problems.add(path + ".op", "operator " + op + " needs a number field; " + field.path() + " is "
                            + typeName(field) + " (use eq or in)");
                    return null;
                }
                if (op.equals("between")) {
                    if (value == null || !value.isArray() || value.size() != 2 || !value.get(0).isNumber()
                            || !value.get(1).isNumber()) {
                        problems.add(vp, "must be [min, max], two numbers");
                        return null;
                    }
                    double min = value.get(0).doubleValue();
                    double max = value.get(1).doubleValue();
                    if (min > max) {
                        problems.add(vp, "min " + value.get(0) + " is greater than max " + value.get(1));
                        return null;
                    }
                    return new Condition.Range<>(field.path(), accessor, min, max);
                }
                if (value == null || !value.isNumber()) {
                    problems.add(vp, "must be a number");
                    return null;
                }
                double bound = value.doubleValue();
                return op.equals("gte") ? new Condition.Range<>(field.path(), accessor, bound, Double.POSITIVE_INFINITY)
                        : new Condition.Range<>(field.path(), accessor, Double.NEGATIVE_INFINITY, bound);
            }
            default -> { // contains, endsWith
                if (type != FactField.Type.TEXT) {
                    problems.add(path + ".op", "operator " + op + " needs a text field; " + field.path() + " is "
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
                            problems.add(vp + "[" + i + "]", "must be a non-empty string");
                        } else {
                            needles.add(item.asText());
                        }
                    }
                } else {
                    problems.add(vp, "must be a non-empty string or a non-empty array of strings");
                    return null;
                }
                return new Condition.Text<>(field.path(), accessor, needles.toArray(String[]::new),
                        op.equals("endsWith"));
            }
        }
    }

    /** A value of the field's type, normalised for comparison; null (with an error) when wrong. */
    private Object scalar(FactField field, JsonNode v, String path) {
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
                    problems.add(path, "unknown value \"" + v.asText() + "\" for " + field.path()
                            + Spelling.hint(v.asText(), field.allowedValues()) + "; allowed: "
                            + String.join(", ", field.allowedValues()));
                    return null;
                }
            }
        }
        problems.add(path, "must be a " + typeName(field) + " (" + field.path() + "), got " + v);
        return null;
    }

    /** How messages name a field's type: string, enum value, number, boolean. */
    public static String typeName(FactField field) {
        return switch (field.type()) {
            case TEXT -> "string";
            case ENUM -> "enum value";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
        };
    }
}
