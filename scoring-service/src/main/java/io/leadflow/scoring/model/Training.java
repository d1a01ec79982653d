package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a logistic regression on all the outcomes known, and says how good it is on leads it has not seen: k-fold
 * stratified cross-validation, every held-out prediction pooled into one {@link Evaluation}. The L2 strengths and the
 * interactions are chosen by {@link ConversionTuning} inside each training part, as for the final model, so the
 * figures are those of the whole procedure, not of choices made while looking at the held-out leads.
 */
public final class Training {

    /** The model trained on every outcome, and its cross-validated evaluation. */
    public record Trained(LogisticRegression model, Evaluation evaluation) {
    }

    private Training() {
    }

    public static Trained train(FeatureSpec spec, List<Outcome> outcomes, LogisticRegression.Settings settings, int folds,
                                long seed, Instant trainedAt) {
        return train(spec, outcomes, settings, ConversionTuning.Options.defaults().withSeed(seed), folds, seed,
                trainedAt);
    }

    public static Trained train(FeatureSpec spec, List<Outcome> outcomes, LogisticRegression.Settings settings,
                                ConversionTuning.Options tuning, int folds, long seed, Instant trainedAt) {
        int[] fold = Folds.stratified(outcomes, folds, seed);
        double[] predicted = new double[outcomes.size()];
        boolean[] won = new boolean[outcomes.size()];
        for (int k = 0; k < folds; k++) {
            List<Outcome> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (fold[i] == k) {
                    held.add(i);
                } else {
                    train.add(outcomes.get(i));
                }
            }
            LogisticRegression model = ConversionTuning.train(spec, train, settings, tuning, trainedAt).model();
            for (int i : held) {
                predicted[i] = model.probability(outcomes.get(i).lead());
                won[i] = outcomes.get(i).won();
            }
        }
        return new Trained(ConversionTuning.train(spec, outcomes, settings, tuning, trainedAt).model(),
                Evaluation.of(predicted, won));
    }
}
