package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model was trained on and with, stored next to its weights so that a model version can
 * be explained and compared later.
 *
 * @param kind            {@code logistic-regression} or {@code naive-bayes}
 * @param trainedAt       when the batch training ran
 * @param outcomes        closed leads learnt from, batch and incremental updates together
 * @param won             of which won
 * @param updates         incremental updates applied since the batch training
 * @param hyperParameters the knobs used (L2 strength, learning rate, bins, minimum count...)
 */
public record ModelInfo(String kind, Instant trainedAt, int outcomes, int won, int updates,
                        Map<String, Double> hyperParameters) {

    public ModelInfo {
        hyperParameters = hyperParameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hyperParameters));
    }

    ModelInfo plusOne(boolean wasWon) {
        return new ModelInfo(kind, trainedAt, outcomes + 1, won + (wasWon ? 1 : 0), updates + 1, hyperParameters);
    }
}
