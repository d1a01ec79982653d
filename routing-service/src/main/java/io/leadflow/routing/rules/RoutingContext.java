package io.leadflow.routing.rules;

import io.leadflow.rules.Accessor;
import io.leadflow.rules.Evidence;
import io.leadflow.rules.JsonPaths;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One lead being routed: its facts, each field's value read at most once (a slot per distinct path of the rule
 * set, filled on first use) and lower-cased at most once, and the evidence being collected.
 */
final class RoutingContext {

    private static final Object UNREAD = new Object();

    final RoutingFacts facts;
    final Evidence evidence = new Evidence();
    private final String[][] paths;
    private final Object[] values;
    private Object[] lower;

    RoutingContext(RoutingFacts facts, String[][] paths) {
        this.facts = facts;
        this.paths = paths;
        this.values = new Object[paths.length];
        Arrays.fill(values, UNREAD);
    }

    Object value(int slot) {
        Object v = values[slot];
        if (v == UNREAD) {
            v = JsonPaths.value(JsonPaths.at(facts.json(), paths[slot]));
            values[slot] = v;
        }
        return v;
    }

    /** The value with text lower-cased, also remembered: many rules compare the same text field. */
    Object lowerCase(int slot) {
        if (lower == null) {
            lower = new Object[paths.length];
            Arrays.fill(lower, UNREAD);
        }
        Object v = lower[slot];
        if (v == UNREAD) {
            v = value(slot);
            v = v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
            lower[slot] = v;
        }
        return v;
    }

    /** Gives every distinct path of a rule set its slot while it is parsed. */
    static final class Slots implements Function<String, Accessor<RoutingContext>> {

        private final Map<String, Integer> slots = new LinkedHashMap<>();

        @Override
        public Accessor<RoutingContext> apply(String path) {
            int slot = slots.computeIfAbsent(path, p -> slots.size());
            return new Accessor<>() {
                @Override
                public Object read(RoutingContext ctx) {
                    return ctx.value(slot);
                }

                @Override
                public Object readLowerCase(RoutingContext ctx) {
                    return ctx.lowerCase(slot);
                }
            };
        }

        /** The split paths, by slot. */
        String[][] paths() {
            return slots.keySet().stream().map(JsonPaths::segments).toArray(String[][]::new);
        }
    }
}
