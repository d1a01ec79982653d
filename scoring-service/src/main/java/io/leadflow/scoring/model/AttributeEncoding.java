package io.leadflow.scoring.model;

import java.util.List;

/**
 * How one attribute was encoded, as learnt from training data; stored with the model so that
 * a lead is encoded at prediction exactly as it was in training.
 *
 * @param attribute the attribute's name in the lead map
 * @param type      its type
 * @param levels    categorical: the values kept (lower-cased, trimmed), most frequent first; empty otherwise
 * @param labels    categorical: how each kept value is shown (its most frequent spelling)
 * @param logScale  numeric: whether values go through log1p before standardising
 * @param low       numeric: the (transformed) value below which values are clipped
 * @param high      numeric: the (transformed) value above which values are clipped
 * @param mean      numeric: mean of the clipped, transformed training values
 * @param sd        numeric: their standard deviation (1 when constant)
 * @param binEdges  numeric: ascending cut points on the raw scale; bin {@code i} holds values in
 *                  {@code [binEdges[i-1], binEdges[i])}; empty when not binned
 * @param slopeKnots numeric: values on the raw scale past which the standardised value's slope may
 *                   change (a piecewise-linear effect); empty for none, as in models stored before them
 */
public record AttributeEncoding(String attribute, AttributeType type, List<String> levels, List<String> labels,
                                boolean logScale, double low, double high, double mean, double sd,
                                double[] binEdges, double[] slopeKnots) {

    public AttributeEncoding {
        levels = levels == null ? List.of() : List.copyOf(levels);
        labels = labels == null ? List.of() : List.copyOf(labels);
        binEdges = binEdges == null ? new double[0] : binEdges.clone();
        slopeKnots = slopeKnots == null ? new double[0] : slopeKnots.clone();
        if (levels.size() != labels.size()) {
            throw new IllegalArgumentException(attribute + ": levels and labels differ in size");
        }
    }

    public boolean categorical() {
        return type == AttributeType.CATEGORICAL;
    }

    /** Number of features this attribute produces. */
    int width() {
        if (categorical()) {
            return levels.size() + 2; // kept values, __other__, __missing__
        }
        return 2 + bins() + slopeKnots.length; // linear term, __missing__, bins, slope changes
    }

    /** Number of bins, 0 when not binned. */
    int bins() {
        return binEdges.length == 0 ? 0 : binEdges.length + 1;
    }
}
