package io.leadflow.scoring.model;

import java.util.List;
import java.util.Set;

/**
 * What to learn features from, before seeing data.
 *
 * @param attributes    the candidate attributes
 * @param excluded      attributes that never become features, whatever {@code attributes} says: the leakage
 *                      guard. Fields a salesperson fills in after contacting the lead (tags, lead quality,
 *                      last notable activity) describe the outcome rather than predict it; a model trained on
 *                      them looks excellent offline and is useless on a fresh lead, where they are still empty.
 * @param missingValues placeholders that mean "not answered" (compared ignoring case), such as {@code Select}
 * @param minCount      a categorical value seen fewer times than this in training falls into {@code __other__}
 * @param bins          equal-frequency bins per numeric attribute (on top of the linear term); 0 or 1 for none
 * @param slopeChanges  whether the linear term of a binned numeric attribute may also change slope at the bins'
 *                      edges (a piecewise-linear effect next to the bins' steps)
 */
public record FeatureSpec(List<Attribute> attributes, Set<String> excluded, Set<String> missingValues,
                          int minCount, int bins, boolean slopeChanges) {

    public FeatureSpec {
        attributes = List.copyOf(attributes);
        excluded = Set.copyOf(excluded);
        missingValues = Set.copyOf(missingValues);
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1");
        }
        if (bins < 0) {
            throw new IllegalArgumentException("bins must not be negative");
        }
    }

    /** Without slope changes. */
    public FeatureSpec(List<Attribute> attributes, Set<String> excluded, Set<String> missingValues, int minCount,
                       int bins) {
        this(attributes, excluded, missingValues, minCount, bins, false);
    }

    /** The same spec with another number of bins. */
    public FeatureSpec withBins(int newBins) {
        return new FeatureSpec(attributes, excluded, missingValues, minCount, newBins, slopeChanges);
    }

    /** The same spec with or without slope changes. */
    public FeatureSpec withSlopeChanges(boolean changes) {
        return new FeatureSpec(attributes, excluded, missingValues, minCount, bins, changes);
    }

    /** The attributes that may become features: declared and not excluded. */
    public List<Attribute> usable() {
        return attributes.stream().filter(a -> !excluded.contains(a.name())).toList();
    }
}
