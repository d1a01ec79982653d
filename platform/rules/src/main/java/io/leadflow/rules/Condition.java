package io.leadflow.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled rule condition over facts of type {@code C}; build one with {@link ConditionParser}. Leaves
 * record the values they matched in the evidence; combinators drop the evidence of branches that did not
 * match. An absent field satisfies no leaf except {@code exists: false}. Immutable and thread-safe.
 */
public sealed interface Condition<C> {

    boolean test(C facts, Evidence evidence);

    /** {@code all}: every child matches (none when empty is refused by validation). */
    record All<C>(List<Condition<C>> children) implements Condition<C> {
        @Override
        public boolean test(C facts, Evidence evidence) {
            int mark = evidence.mark();
            for (int i = 0, n = children.size(); i < n; i++) {
                if (!children.get(i).test(facts, evidence)) {
                    evidence.reset(mark);
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code any}: the first child that matches (its evidence only). */
    record Any<C>(List<Condition<C>> children) implements Condition<C> {
        @Override
        public boolean test(C facts, Evidence evidence) {
            for (int i = 0, n = children.size(); i < n; i++) {
                int mark = evidence.mark();
                if (children.get(i).test(facts, evidence)) {
                    return true;
                }
                evidence.reset(mark);
            }
            return false;
        }
    }

    /** {@code not}: the child does not match; evidence is the current value of every field it reads. */
    record Not<C>(Condition<C> child, List<String> paths, List<Accessor<C>> accessors) implements Condition<C> {
        @Override
        public boolean test(C facts, Evidence evidence) {
            int mark = evidence.mark();
            boolean inner = child.test(facts, evidence);
            evidence.reset(mark);
            if (inner) {
                return false;
            }
            for (int i = 0; i < paths.size(); i++) {
                evidence.add(paths.get(i), JsonPaths.shown(accessors.get(i).read(facts)));
            }
            return true;
        }
    }

    /** A test of one field. */
    sealed interface Leaf<C> extends Condition<C> {
        String path();

        Accessor<C> accessor();

        boolean matches(Object value);

        @Override
        default boolean test(C facts, Evidence evidence) {
            Object value = accessor().read(facts);
            if (matches(value)) {
                evidence.add(path(), JsonPaths.shown(value));
                return true;
            }
            return false;
        }
    }

    /** {@code exists}: the field is present and not null ({@code value: false}: absent or null). */
    record Exists<C>(String path, Accessor<C> accessor, boolean expected) implements Leaf<C> {
        @Override
        public boolean matches(Object value) {
            return (value != null) == expected;
        }
    }

    /**
     * {@code eq}, {@code in}, {@code notIn}: values normalised at parse time (text lower-cased,
     * numbers as Double, booleans as Boolean, enums exact).
     */
    record InSet<C>(String path, Accessor<C> accessor, Set<Object> values, boolean lowerCase, boolean negate)
            implements Leaf<C> {
        @Override
        public boolean matches(Object value) {
            if (value == null || value instanceof JsonNode) {
                return false;
            }
            Object v = lowerCase && value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
            return values.contains(v) != negate;
        }

        /** As {@link #matches}, comparing the accessor's lower-cased text; the evidence is the value as read. */
        @Override
        public boolean test(C facts, Evidence evidence) {
            Object v = lowerCase ? accessor.readLowerCase(facts) : accessor.read(facts);
            if (v == null || v instanceof JsonNode || values.contains(v) == negate) {
                return false;
            }
            evidence.add(path, JsonPaths.shown(lowerCase ? accessor.read(facts) : v));
            return true;
        }
    }

    /** {@code gte}, {@code lte}, {@code between}: inclusive bounds. */
    record Range<C>(String path, Accessor<C> accessor, double min, double max) implements Leaf<C> {
        @Override
        public boolean matches(Object value) {
            return value instanceof Double d && d >= min && d <= max;
        }
    }

    /** {@code contains}, {@code endsWith}: any of the needles, case ignored. */
    record Text<C>(String path, Accessor<C> accessor, String[] needles, boolean suffix) implements Leaf<C> {
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
            int n = needle.length();
            char first = needle.charAt(0);
            // Positions whose first character cannot match (by regionMatches' own per-character rule) are skipped
            // without the call; a surrogate is always left to regionMatches.
            boolean filter = !Character.isSurrogate(first);
            char upper = Character.toUpperCase(first);
            char lower = Character.toLowerCase(upper);
            for (int i = 0, last = s.length() - n; i <= last; i++) {
                if (filter) {
                    char c = s.charAt(i);
                    if (c != first && !Character.isSurrogate(c)) {
                        char u = Character.toUpperCase(c);
                        if (u != upper && Character.toLowerCase(u) != lower) {
                            continue;
                        }
                    }
                }
                if (s.regionMatches(true, i, needle, 0, n)) {
                    return true;
                }
            }
            return false;
        }
    }
}
