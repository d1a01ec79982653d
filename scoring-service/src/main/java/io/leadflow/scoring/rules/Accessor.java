package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one field of a lead, compiled at parse time. The value is a String, Double, Boolean,
 * another JSON node (an object or array: present but not comparable) or {@code null} (absent).
 */
interface Accessor {

    Object read(EvalContext ctx);

    static Accessor of(String path) {
        if (path.startsWith(FactCatalog.COUNT_PREFIX)) {
            int t = EvalContext.typeIndex(path.substring(FactCatalog.COUNT_PREFIX.length()));
            return ctx -> (double) ctx.counts[t];
        }
        if (path.equals(FactCatalog.ENGAGEMENT_TOTAL)) {
            return ctx -> (double) ctx.total;
        }
        if (path.equals(FactCatalog.DAYS_SINCE_LAST)) {
            return EvalContext::daysSinceLast;
        }
        String[] segments = path.split("\\.");
        return ctx -> value(ctx.facts.get(segments));
    }

    private static Object value(JsonNode node) {
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
}
