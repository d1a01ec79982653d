package io.leadflow.scoring.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled rule condition. Leaves record the values they matched in the context's evidence;
 * combinators drop the evidence of branches that did not match. An absent field satisfies no
 * leaf except {@code exists: false}.
 */
sealed interface Condition {

    boolean test(EvalContext ctx);

    /** {@code all}: every child matches (none when empty is refused by validation). */
    record All(List<Condition> children) implements Condition {
        @Override
        public boolean test(EvalContext ctx) {
            int mark = ctx.evidence.mark();
            for (int i = 0, n = children.size(); i < n; i++) {
                if (!children.get(i).test(ctx)) {
                    ctx.evidence.reset(mark);
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code any}: the first child that matches (its evidence only). */
    record Any(List<Condition> children) implements Condition {
        @Override
        public boolean test(EvalContext ctx) {
            for (int i = 0, n = children.size(); i < n; i++) {
                int mark = ctx.evidence.mark();
                if (children.get(i).test(ctx)) {
                    return true;
                }
                ctx.evidence.reset(mark);
            }
            return false;
        }
    }

    /** {@code not}: the child does not match; evidence is the current value of every field it reads. */
    record Not(Condition child, List<String> paths, List<Accessor> accessors) implements Condition {
        @Override
        public boolean test(EvalContext ctx) {
            int mark = ctx.evidence.mark();
            boolean inner = child.test(ctx);
            ctx.evidence.reset(mark);
            if (inner) {
                return false;
            }
            for (int i = 0; i < paths.size(); i++) {
                Object v = accessors.get(i).read(ctx);
                ctx.evidence.add(paths.get(i), v instanceof com.fasterxml.jackson.databind.JsonNode n ? n.toString() : v);
            }
            return true;
        }
    }

    /** A test of one field. */
    sealed interface Leaf extends Condition {
        String path();

        Accessor accessor();

        boolean matches(Object value);

        @Override
        default boolean test(EvalContext ctx) {
            Object value = accessor().read(ctx);
            if (matches(value)) {
                ctx.evidence.add(path(), value instanceof com.fasterxml.jackson.databind.JsonNode n ? n.toString() : value);
                return true;
            }
            return false;
        }
    }

    /** {@code exists}: the field is present and not null ({@code value: false}: absent or null). */
    record Exists(String path, Accessor accessor, boolean expected) implements Leaf {
        @Override
        public boolean matches(Object value) {
            return (value != null) == expected;
        }
    }

    /**
     * {@code eq}, {@code in}, {@code notIn}: values normalised at parse time (text lower-cased,
     * numbers as Double, booleans as Boolean, enums exact).
     */
    record InSet(String path, Accessor accessor, Set<Object> values, boolean lowerCase, boolean negate)
            implements Leaf {
        @Override
        public boolean matches(Object value) {
            if (value == null || value instanceof com.fasterxml.jackson.databind.JsonNode) {
                return false;
            }
            Object v = lowerCase && value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
            return values.contains(v) != negate;
        }
    }

    /** {@code gte}, {@code lte}, {@code between}: inclusive bounds. */
    record Range(String path, Accessor accessor, double min, double max) implements Leaf {
        @Override
        public boolean matches(Object value) {
            return value instanceof Double d && d >= min && d <= max;
        }
    }

    /** {@code contains}, {@code endsWith}: any of the needles, case ignored. */
    record Text(String path, Accessor accessor, String[] needles, boolean suffix) implements Leaf {
        @Override
        public boolean matches(Object value) {
            if (!(value instanceof String s)) {
                return false;
            }
            for (String needle : needles) {
                if (suffix ? s.regionMatches(true, s.length() - needle.length(), needle, 0, needle.length())
                        : containsIgnoreCase(s, needle)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsIgnoreCase(String s, String needle) {
            for (int i = 0, last = s.length() - needle.length(); i <= last; i++) {
                if (s.regionMatches(true, i, needle, 0, needle.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
