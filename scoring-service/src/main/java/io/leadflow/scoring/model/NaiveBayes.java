package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline, as Odoo CRM's predictive lead scoring does it: for every attribute, the frequency
 * of each value among won and among lost leads (Laplace-smoothed), numeric attributes binned by
 * equal frequency; attributes are taken as independent given the outcome. Counts are all it
 * keeps, so {@link #update} is exact.
 */
public final class NaiveBayes implements ConversionModel {

    public static final String KIND = "naive-bayes";
    /** Bins for numeric attributes when the spec asks for none: naive Bayes only counts levels. */
    public static final int DEFAULT_BINS = 10;

    private final Features features;
    private final double alpha;
    private final int[] wonCounts;
    private final int[] lostCounts;
    private final ModelInfo info;
    private final double prior;
    private final double[] logLikelihoodRatio;

    private NaiveBayes(Features features, double alpha, int[] wonCounts, int[] lostCounts, ModelInfo info) {
        if (wonCounts.length != features.size() || lostCounts.length != features.size()) {
            throw new IllegalArgumentException("counts do not match the features");
        }
        this.features = features;
        this.alpha = alpha;
        this.wonCounts = wonCounts;
        this.lostCounts = lostCounts;
        this.info = info;
        int won = info.won();
        int lost = info.outcomes() - info.won();
        this.prior = Math.log((won + alpha) / (lost + alpha));
        this.logLikelihoodRatio = new double[features.size()];
        for (int a = 0; a < features.attributeCount(); a++) {
            int[] levels = features.levels(a);
            for (int level : levels) {
                double pWon = (wonCounts[level] + alpha) / (won + alpha * levels.length);
                double pLost = (lostCounts[level] + alpha) / (lost + alpha * levels.length);
                logLikelihoodRatio[level] = Math.log(pWon / pLost);
            }
        }
    }

    /**
     * Counts the outcomes.
     *
     * @param alpha Laplace smoothing: pseudo-count added to every level (1 is the classic choice)
     */
    public static NaiveBayes train(FeatureSpec spec, List<Outcome> outcomes, double alpha, Instant trainedAt) {
        // levels are all naive Bayes counts: slope changes would be features it never uses
        FeatureSpec binned = (spec.bins() > 1 ? spec : spec.withBins(DEFAULT_BINS)).withSlopeChanges(false);
        Features features = Features.learn(binned, outcomes.stream().map(Outcome::lead).toList());
        int[] won = new int[features.size()];
        int[] lost = new int[features.size()];
        int wonTotal = 0;
        for (Outcome outcome : outcomes) {
            int[] counts = outcome.won() ? won : lost;
            wonTotal += outcome.won() ? 1 : 0;
            for (int a = 0; a < features.attributeCount(); a++) {
                counts[features.level(outcome.lead(), a)]++;
            }
        }
        ModelInfo info = new ModelInfo(KIND, trainedAt, outcomes.size(), wonTotal, 0, Map.of(
                "alpha", alpha, "minCount", (double) binned.minCount(), "bins", (double) binned.bins()));
        return new NaiveBayes(features, alpha, won, lost, info);
    }

    /** A stored model, as written by {@link ModelJson}. */
    public static NaiveBayes of(Features features, double alpha, int[] wonCounts, int[] lostCounts, ModelInfo info) {
        return new NaiveBayes(features, alpha, wonCounts.clone(), lostCounts.clone(), info);
    }

    /** Counts one more closed lead. */
    public NaiveBayes update(Map<String, ?> lead, boolean won) {
        int[] w = wonCounts.clone();
        int[] l = lostCounts.clone();
        int[] counts = won ? w : l;
        for (int a = 0; a < features.attributeCount(); a++) {
            counts[features.level(lead, a)]++;
        }
        return new NaiveBayes(features, alpha, w, l, info.plusOne(won));
    }

    @Override
    public double logOdds(Map<String, ?> lead) {
        double z = prior;
        for (int a = 0; a < features.attributeCount(); a++) {
            z += logLikelihoodRatio[features.level(lead, a)];
        }
        return z;
    }

    @Override
    public List<Factor> topFactors(Map<String, ?> lead, int n) {
        List<Factor> factors = new ArrayList<>();
        for (int a = 0; a < features.attributeCount(); a++) {
            int level = features.level(lead, a);
            factors.add(new Factor(features.name(level), logLikelihoodRatio[level]));
        }
        return ConversionModel.largest(factors, n);
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public double alpha() {
        return alpha;
    }

    public int[] wonCounts() {
        return wonCounts.clone();
    }

    public int[] lostCounts() {
        return lostCounts.clone();
    }
}
