package io.leadflow.scoring.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, compiled rule set (see the package documentation for the JSON format and the
 * arithmetic). Immutable and thread-safe; build one with {@link ScoringRuleSets#parse(String)}.
 */
public final class ScoringRuleSet {

    private final String version;
    private final int mqlThreshold;
    private final Map<Dimension, Integer> caps;
    private final int warm;
    private final int hot;
    private final int[] fitBands;        // A, B, C minimum fit points
    private final int[] engagementBands; // 1, 2, 3 minimum engagement points
    private final Duration halfLife;
    private final int[] engagementPoints; // by FactCatalog.ENGAGEMENT_TYPES index
    private final List<ScoringRule> rules;

    ScoringRuleSet(String version, int mqlThreshold, Map<Dimension, Integer> caps, int warm, int hot, int[] fitBands,
                   int[] engagementBands, Duration halfLife, int[] engagementPoints, List<ScoringRule> rules) {
        this.version = version;
        this.mqlThreshold = mqlThreshold;
        this.caps = new EnumMap<>(caps);
        this.warm = warm;
        this.hot = hot;
        this.fitBands = fitBands.clone();
        this.engagementBands = engagementBands.clone();
        this.halfLife = halfLife;
        this.engagementPoints = engagementPoints.clone();
        this.rules = List.copyOf(rules);
    }

    /**
     * Scores a lead as of {@code at}: the rules against its facts and engagement counters, plus its
     * engagements' points decayed by their age at {@code at} (event time, not wall-clock time).
     */
    public Score score(ScoringFacts facts, List<Engagement> engagements, Instant at) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(at, "at");
        EvalContext ctx = new EvalContext(facts, engagements == null ? List.of() : engagements, at,
                halfLife.toMillis());
        double[] positive = new double[3];
        double[] negative = new double[3];
        boolean disqualified = false;
        List<FiredRule> reasons = new ArrayList<>();
        for (int i = 0, n = rules.size(); i < n; i++) {
            ScoringRule rule = rules.get(i);
            int mark = ctx.evidence.mark();
            if (rule.when.test(ctx, ctx.evidence)) {
                int d = rule.dimension().ordinal();
                if (rule.points() >= 0) {
                    positive[d] += rule.points();
                } else {
                    negative[d] += rule.points();
                }
                disqualified |= rule.disqualify();
                reasons.add(new FiredRule(rule.id(), rule.dimension(), rule.points(), ctx.evidence.snapshot(),
                        rule.description(), rule.disqualify()));
            }
            ctx.evidence.reset(mark);
        }
        for (int t = 0; t < engagementPoints.length; t++) {
            if (ctx.counts[t] > 0 && engagementPoints[t] != 0) {
                double points = engagementPoints[t] * ctx.decayed[t];
                positive[Dimension.ENGAGEMENT.ordinal()] += points;
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("count", ctx.counts[t]);
                evidence.put("basePoints", engagementPoints[t]);
                evidence.put("latest", ctx.latest[t].toString());
                String type = FactCatalog.ENGAGEMENT_TYPES.get(t);
                reasons.add(new FiredRule("engagement:" + type, Dimension.ENGAGEMENT, Math.round(points * 10) / 10.0,
                        evidence, ctx.counts[t] + " x " + type + ", " + engagementPoints[t] + " points each, halving every "
                        + halfLifeText(), false));
            }
        }
        double sum = 0;
        int[] net = new int[3];
        for (Dimension d : Dimension.values()) {
            int i = d.ordinal();
            double capped = Math.min(positive[i], caps.get(d));
            sum += capped + negative[i];
            net[i] = (int) Math.round(Math.max(0, capped + negative[i]));
        }
        int total = (int) Math.round(Math.max(0, Math.min(100, sum)));
        int fit = net[Dimension.FIT.ordinal()];
        int engagement = net[Dimension.ENGAGEMENT.ordinal()];
        String grade = band(fit, fitBands, "ABCD") + band(engagement, engagementBands, "1234");
        Temperature temperature = disqualified ? Temperature.COLD
                : total >= hot ? Temperature.HOT : total >= warm ? Temperature.WARM : Temperature.COLD;
        return new Score(version, total, fit, engagement, net[Dimension.INTENT.ordinal()], grade, temperature,
                !disqualified && total >= mqlThreshold, disqualified, List.copyOf(reasons));
    }

    private static String band(int points, int[] minimums, String labels) {
        for (int i = 0; i < minimums.length; i++) {
            if (points >= minimums[i]) {
                return String.valueOf(labels.charAt(i));
            }
        }
        return String.valueOf(labels.charAt(minimums.length));
    }

    /** The half-life as written in ISO-8601, in days when it is whole days ({@code P14D}, not {@code PT336H}). */
    String halfLifeText() {
        return halfLife.toSeconds() % 86_400 == 0 ? "P" + halfLife.toDays() + "D" : halfLife.toString();
    }

    public String version() {
        return version;
    }

    public int mqlThreshold() {
        return mqlThreshold;
    }

    public int cap(Dimension dimension) {
        return caps.get(dimension);
    }

    /** Minimum total for warm. */
    public int warmThreshold() {
        return warm;
    }

    /** Minimum total for hot. */
    public int hotThreshold() {
        return hot;
    }

    public Duration halfLife() {
        return halfLife;
    }

    /** Undecayed points per engagement type (types without points are absent). */
    public Map<String, Integer> engagementPoints() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int t = 0; t < engagementPoints.length; t++) {
            if (engagementPoints[t] != 0) {
                m.put(FactCatalog.ENGAGEMENT_TYPES.get(t), engagementPoints[t]);
            }
        }
        return m;
    }

    public List<ScoringRule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "ScoringRuleSet " + version + " (" + rules.size() + " rules)";
    }
}
