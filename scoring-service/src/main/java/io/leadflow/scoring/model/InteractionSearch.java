package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds which pairs of attributes act together, from training outcomes only. Every pair of
 * attributes with levels is a candidate; none is named in advance, so the search applies to any
 * lead data.
 * <p>
 * Screening has to be cheap (hundreds of pairs), so each pair is judged against a fixed model
 * rather than by refitting everything: in each inner cross-validation fold, the logistic
 * regression without interactions is trained, then each pair's combinations alone are fitted
 * on top of its log-odds (an offset) and the pair scores the log-loss it saves on the fold's
 * held-out leads. A lead falls in exactly one combination of a pair, so each combination's weight
 * is a one-dimensional penalised Newton fit and a pair costs a few passes over the leads.
 * Pairs that help on held-out leads rank first; which of them to keep is decided by
 * {@link ConversionTuning} with full refits.
 */
public final class InteractionSearch {

    /**
     * One pair's result.
     *
     * @param pair the two attributes
     * @param gain held-out log-loss saved per outcome, summed over the folds' held-out leads (each
     *             outcome is held out once); positive means the interaction helps on unseen leads
     */
    public record Candidate(AttributePair pair, double gain) {
    }

    private static final int NEWTON_STEPS = 8;

    private InteractionSearch() {
    }

    /**
     * Every candidate pair of the spec's usable attributes, best first.
     *
     * @param settings the penalties: {@code l2} for the model without interactions,
     *                 {@code interactionL2} for each combination's weight
     */
    public static List<Candidate> rank(FeatureSpec spec, List<Outcome> outcomes, LogisticRegression.Settings settings,
                                       int folds, long seed) {
        int[] fold = Folds.stratified(outcomes, folds, seed);
        List<AttributePair> pairs = null;
        double[] gain = null;
        for (int k = 0; k < folds; k++) {
            List<Outcome> train = Folds.select(outcomes, fold, k, false);
            List<Outcome> validation = Folds.select(outcomes, fold, k, true);
            LogisticRegression base = LogisticRegression.train(spec, train, settings, Instant.EPOCH);
            Features features = base.features();
            if (pairs == null) {
                pairs = candidates(features);
                gain = new double[pairs.size()];
            }
            Fold t = Fold.of(base, train);
            Fold v = Fold.of(base, validation);
            for (int p = 0; p < pairs.size(); p++) {
                int a = features.attributeIndex(pairs.get(p).first());
                int b = features.attributeIndex(pairs.get(p).second());
                if (a < 0 || b < 0 || !features.hasLevels(a) || !features.hasLevels(b)) {
                    continue; // an attribute with no values in this fold has no levels to combine
                }
                int widthB = features.encodings().get(b).width();
                int cells = features.encodings().get(a).width() * widthB;
                double[] w = fitCombinations(t, a, b, widthB, cells, spec.minCount(), settings.interactionL2());
                gain[p] += heldOutGain(v, a, b, widthB, w);
            }
        }
        List<Candidate> ranked = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            ranked.add(new Candidate(pairs.get(p), gain[p] / outcomes.size()));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::gain).reversed()
                .thenComparing(c -> c.pair().toString()));
        return List.copyOf(ranked);
    }

    /** Every pair of attributes with levels, in attribute order. */
    static List<AttributePair> candidates(Features features) {
        List<AttributePair> pairs = new ArrayList<>();
        List<AttributeEncoding> encodings = features.encodings();
        for (int a = 0; a < encodings.size(); a++) {
            for (int b = a + 1; b < encodings.size(); b++) {
                if (features.hasLevels(a) && features.hasLevels(b)) {
                    pairs.add(new AttributePair(encodings.get(a).attribute(), encodings.get(b).attribute()));
                }
            }
        }
        return pairs;
    }

    /**
     * The weight of each combination seen at least {@code minCount} times (NaN otherwise), fitted on
     * top of the base log-odds: minimises the combination's leads' log-loss plus {@code l2}/2 · w².
     */
    private static double[] fitCombinations(Fold t, int a, int b, int widthB, int cells, int minCount, double l2) {
        int[] cell = new int[t.won.length];
        int[] count = new int[cells];
        for (int r = 0; r < cell.length; r++) {
            cell[r] = t.level[a][r] * widthB + t.level[b][r];
            count[cell[r]]++;
        }
        double[] w = new double[cells];
        double[] gradient = new double[cells];
        double[] curvature = new double[cells];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            java.util.Arrays.fill(gradient, 0);
            java.util.Arrays.fill(curvature, 0);
            for (int r = 0; r < cell.length; r++) {
                double p = ConversionModel.sigmoid(t.logOdds[r] + w[cell[r]]);
                gradient[cell[r]] += p - (t.won[r] ? 1 : 0);
                curvature[cell[r]] += p * (1 - p);
            }
            for (int c = 0; c < cells; c++) {
                w[c] -= (gradient[c] + l2 * w[c]) / (curvature[c] + l2 + 1e-12);
            }
        }
        for (int c = 0; c < cells; c++) {
            if (count[c] < minCount) {
                w[c] = Double.NaN;
            }
        }
        return w;
    }

    /** Log-loss saved on held-out leads by adding the combinations' weights. */
    private static double heldOutGain(Fold v, int a, int b, int widthB, double[] w) {
        double gain = 0;
        for (int r = 0; r < v.won.length; r++) {
            double weight = w[v.level[a][r] * widthB + v.level[b][r]];
            if (!Double.isNaN(weight)) {
                gain += logLoss(v.logOdds[r], v.won[r]) - logLoss(v.logOdds[r] + weight, v.won[r]);
            }
        }
        return gain;
    }

    private static double logLoss(double z, boolean won) {
        double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        return softplus - (won ? z : 0);
    }

    /** Outcomes as the screening needs them: base log-odds, outcome, each attribute's level offset. */
    private record Fold(double[] logOdds, boolean[] won, int[][] level) {

        static Fold of(LogisticRegression base, List<Outcome> outcomes) {
            Features features = base.features();
            int n = outcomes.size();
            double[] z = new double[n];
            boolean[] won = new boolean[n];
            int[][] level = new int[features.attributeCount()][];
            for (int a = 0; a < level.length; a++) {
                if (features.hasLevels(a)) {
                    level[a] = new int[n];
                }
            }
            for (int r = 0; r < n; r++) {
                Map<String, Object> lead = outcomes.get(r).lead();
                z[r] = base.logOdds(lead);
                won[r] = outcomes.get(r).won();
                for (int a = 0; a < level.length; a++) {
                    if (level[a] != null) {
                        level[a][r] = features.levelOffset(a, lead);
                    }
                }
            }
            return new Fold(z, won, level);
        }
    }
}
