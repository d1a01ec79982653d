package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.routing.distribution.Considered;
import io.leadflow.routing.roster.SkipReason;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The decision record of one routing being built: every SDR looked at (with why they were skipped) and what happened
 * on the way (the owner was away, the pool the rule named does not exist, the lead waited...), and the time it took.
 */
public final class DecisionTrace {

    private final long startedNanos;
    /** Set when the routing saw that the lead has no decision record yet: the record is then inserted, not merged. */
    private boolean firstDecision;
    private final ArrayNode candidates = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode steps = JsonNodeFactory.instance.arrayNode();

    /** The lead has no decision record yet (read under the locks the routing holds). */
    public void firstDecision(boolean first) {
        this.firstDecision = first;
    }

    public boolean firstDecision() {
        return firstDecision;
    }

    public DecisionTrace() {
        this(System.nanoTime());
    }

    DecisionTrace(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /** A named SDR (a rule's SDR, the account owner) looked at before the pool. */
    public void named(String role, String sdrId, SkipReason skipped, boolean chosen) {
        ObjectNode entry = candidates.addObject();
        entry.put("sdrId", sdrId);
        entry.put("role", role);
        entry.putNull("poolId");
        entry.put("skipped", skipped == null ? null : skipped.code());
        entry.put("chosen", chosen);
    }

    /** The members a pool's distribution looked at, in the order it looked. */
    public void pool(String poolId, List<Considered> considered) {
        for (Considered member : considered) {
            ObjectNode entry = candidates.addObject();
            entry.put("sdrId", member.sdrId());
            entry.put("role", "member");
            entry.put("poolId", poolId);
            entry.put("position", member.position());
            entry.put("skipped", member.reason());
            entry.put("chosen", member.chosen());
        }
    }

    /** Continues an earlier record of the same lead (it waited): its steps come first. */
    public DecisionTrace after(JsonNode earlierSteps) {
        JsonNode stored = steps(earlierSteps);
        if (stored.isArray()) {
            ArrayNode earlier = stored.deepCopy();
            earlier.addAll(steps);
            steps.removeAll();
            steps.addAll(earlier);
        }
        return this;
    }

    /** Something that changed the way, e.g. {@code owner-unavailable}, {@code pool-missing}, {@code held}. */
    public DecisionTrace step(String code, String detail) {
        ObjectNode step = steps.addObject();
        step.put("step", code);
        step.put("detail", detail);
        return this;
    }

    // Stored wrapped in an object: the reactive client maps only JSON objects onto a jsonb entity column.

    /** {@code {"considered": [...]}} as stored; {@link #considered} unwraps it. */
    public JsonNode candidates() {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.set("considered", candidates.deepCopy());
        return stored;
    }

    /** {@code {"steps": [...]}} as stored; {@link #steps(JsonNode)} unwraps it. */
    public JsonNode steps() {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.set("steps", steps.deepCopy());
        return stored;
    }

    /** The candidates list of a stored record (empty when none). */
    public static JsonNode considered(JsonNode stored) {
        return stored == null ? JsonNodeFactory.instance.arrayNode() : stored.path("considered");
    }

    /** The steps list of a stored record (empty when none). */
    public static JsonNode steps(JsonNode stored) {
        return stored == null ? JsonNodeFactory.instance.arrayNode() : stored.path("steps");
    }

    public long micros() {
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos);
    }
}
