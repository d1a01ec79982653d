package io.leadflow.scoring.rules;

import io.leadflow.rules.Accessor;
import io.leadflow.rules.Evidence;
import io.leadflow.rules.JsonPaths;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One lead being scored: its facts, its engagement aggregates and the evidence being collected. */
final class EvalContext {

    /** The contract's clock-skew allowance: an engagement up to this far after the scoring instant counts as now. */
    static final long SKEW_MILLIS = Duration.ofMinutes(5).toMillis();

    final ScoringFacts facts;
    final int[] counts = new int[FactCatalog.ENGAGEMENT_TYPES.size()];
    final double[] decayed = new double[FactCatalog.ENGAGEMENT_TYPES.size()];
    final Instant[] latest = new Instant[FactCatalog.ENGAGEMENT_TYPES.size()];
    int total;
    Instant last;
    final Instant at;
    final Evidence evidence = new Evidence();

    EvalContext(ScoringFacts facts, List<Engagement> engagements, Instant at, long halfLifeMillis) {
        this.facts = facts;
        this.at = at;
        long atMillis = at.toEpochMilli();
        double halfLife = halfLifeMillis;
        for (int i = 0, n = engagements.size(); i < n; i++) {
            Engagement e = engagements.get(i);
            long when = e.occurredAt().toEpochMilli();
            if (when - atMillis > SKEW_MILLIS) {
                continue; // has not happened yet at the scoring instant
            }
            total++;
            if (last == null || e.occurredAt().isAfter(last)) {
                last = e.occurredAt();
            }
            int t = typeIndex(e.type());
            if (t < 0) {
                continue;
            }
            counts[t]++;
            decayed[t] += Math.pow(0.5, Math.max(0, atMillis - when) / halfLife); // exact at whole half-lives
            if (latest[t] == null || e.occurredAt().isAfter(latest[t])) {
                latest[t] = e.occurredAt();
            }
        }
    }

    /**
     * Reads one field, compiled at parse time: an engagement counter, or the LeadEnriched JSON at the field's path.
     */
    static Accessor<EvalContext> accessor(String path) {
        if (path.startsWith(FactCatalog.COUNT_PREFIX)) {
            int t = typeIndex(path.substring(FactCatalog.COUNT_PREFIX.length()));
            return ctx -> (double) ctx.counts[t];
        }
        if (path.equals(FactCatalog.ENGAGEMENT_TOTAL)) {
            return ctx -> (double) ctx.total;
        }
        if (path.equals(FactCatalog.DAYS_SINCE_LAST)) {
            return EvalContext::daysSinceLast;
        }
        String[] segments = JsonPaths.segments(path);
        return ctx -> JsonPaths.value(ctx.facts.get(segments));
    }

    static int typeIndex(String type) {
        return FactCatalog.ENGAGEMENT_TYPES.indexOf(type);
    }

    /** Days since the latest engagement, or {@code null} when the lead has none. */
    Double daysSinceLast() {
        if (last == null) {
            return null;
        }
        return Math.max(0, at.toEpochMilli() - last.toEpochMilli()) / 86_400_000.0;
    }
}
