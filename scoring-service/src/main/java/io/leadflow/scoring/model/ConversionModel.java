package io.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A learnt estimate of the probability that a lead converts (its opportunity is won), with the
 * factors behind it. Implementations are immutable: learning returns a new model, so a model
 * being used for scoring never changes under the caller.
 */
public interface ConversionModel {

    /** The lead's conversion probability, in (0, 1). */
    default double probability(Map<String, ?> lead) {
        return sigmoid(logOdds(lead));
    }

    /** The log-odds of conversion: the intercept plus every factor's weight. */
    double logOdds(Map<String, ?> lead);

    /** The {@code n} factors that move this lead's log-odds most, largest magnitude first. */
    List<Factor> topFactors(Map<String, ?> lead, int n);

    /** How leads are encoded. */
    Features features();

    /** What the model was trained on and with. */
    ModelInfo info();

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** The largest {@code n} of the given contributions by magnitude, ties by name for stable output. */
    static List<Factor> largest(List<Factor> factors, int n) {
        List<Factor> sorted = new ArrayList<>(factors);
        sorted.sort(Comparator.comparingDouble((Factor f) -> -Math.abs(f.weight())).thenComparing(Factor::feature));
        return List.copyOf(sorted.subList(0, Math.min(Math.max(n, 0), sorted.size())));
    }
}
