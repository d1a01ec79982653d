package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Trains the logistic regression with every choice made by cross-validation inside the outcomes
 * it is given, so that an evaluation on other leads stays honest:
 * <ol>
 *   <li>the L2 strength of the attributes' own weights ({@link LogisticRegression#tuneL2});</li>
 *   <li>the candidate interactions, ranked by {@link InteractionSearch} (on differently seeded
 *       folds, so that the next step does not judge pairs on the very splits that ranked them);</li>
 *   <li>how many of the best-ranked pairs to keep, and their penalty, by the inner cross-validated
 *       log-loss of full refits; none is kept unless it helps.</li>
 * </ol>
 * Ties go to fewer interactions and the stronger penalty: the simpler model.
 */
public final class ConversionTuning {

    /**
     * @param l2Grid            L2 strengths tried for the attributes' own weights
     * @param interactionL2Grid L2 strengths tried for interaction weights
     * @param interactionCounts how many of the best-ranked pairs to try keeping (0 is always tried)
     * @param folds             inner cross-validation folds
     * @param seed              for the inner folds
     */
    public record Options(List<Double> l2Grid, List<Double> interactionL2Grid, List<Integer> interactionCounts,
                          int folds, long seed) {

        public Options {
            l2Grid = List.copyOf(l2Grid);
            interactionL2Grid = List.copyOf(interactionL2Grid);
            interactionCounts = List.copyOf(interactionCounts);
            if (l2Grid.isEmpty() || interactionL2Grid.isEmpty() || folds < 2) {
                throw new IllegalArgumentException("need L2 grids and at least 2 folds");
            }
        }

        public static Options defaults() {
            return new Options(List.of(0.3, 1.0, 3.0, 10.0, 30.0), List.of(3.0, 10.0, 30.0),
                    List.of(1, 2, 4, 8, 16), 3, 42);
        }

        public Options withSeed(long newSeed) {
            return new Options(l2Grid, interactionL2Grid, interactionCounts, folds, newSeed);
        }

        /** No interactions: the L2 strength alone is tuned. */
        public Options withoutInteractions() {
            return new Options(l2Grid, interactionL2Grid, List.of(), folds, seed);
        }
    }

    /**
     * The trained model and what was chosen.
     *
     * @param model         trained on all the outcomes given, with the chosen settings
     * @param l2            chosen L2 for the attributes' own weights
     * @param interactionL2 chosen L2 for interaction weights
     * @param pairs         the interactions kept, best first
     */
    public record Tuned(LogisticRegression model, double l2, double interactionL2, List<AttributePair> pairs) {

        /** What was chosen, in one line. */
        public String summary() {
            return String.format(Locale.ROOT, "L2 %s, %d interactions%s", l2, pairs.size(),
                    pairs.isEmpty() ? "" : " (L2 " + interactionL2 + "): " + pairs);
        }
    }

    private ConversionTuning() {
    }

    public static Tuned train(FeatureSpec spec, List<Outcome> outcomes, LogisticRegression.Settings settings,
                              Options options, Instant trainedAt) {
        double l2 = LogisticRegression.tuneL2(spec, outcomes, settings, options.l2Grid(), options.folds(),
                options.seed());
        LogisticRegression.Settings tuned = settings.withL2(l2);
        List<AttributePair> ranked = promising(spec, outcomes, tuned, options);
        List<AttributePair> best = List.of();
        double bestInteractionL2 = tuned.interactionL2();
        if (!ranked.isEmpty()) {
            int[] fold = Folds.stratified(outcomes, options.folds(), options.seed());
            double bestLoss = innerLogLoss(spec, outcomes, fold, options.folds(), List.of(), tuned);
            List<Integer> counts = options.interactionCounts().stream().filter(c -> c > 0)
                    .map(c -> Math.min(c, ranked.size())).distinct().sorted().toList();
            List<Double> penalties = options.interactionL2Grid().stream().sorted(Comparator.reverseOrder()).toList();
            for (int count : counts) {
                List<AttributePair> kept = ranked.subList(0, count);
                for (double penalty : penalties) {
                    double loss = innerLogLoss(spec, outcomes, fold, options.folds(), kept,
                            tuned.withInteractionL2(penalty));
                    if (loss < bestLoss - 1e-9) {
                        bestLoss = loss;
                        best = List.copyOf(kept);
                        bestInteractionL2 = penalty;
                    }
                }
            }
        }
        LogisticRegression.Settings chosen = tuned.withInteractionL2(bestInteractionL2);
        return new Tuned(train(spec, outcomes, best, chosen, trainedAt), l2, bestInteractionL2, best);
    }

    /** The pairs that save held-out log-loss in the screening, best first, as many as may be kept. */
    private static List<AttributePair> promising(FeatureSpec spec, List<Outcome> outcomes,
                                                 LogisticRegression.Settings settings, Options options) {
        int most = options.interactionCounts().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (most <= 0) {
            return List.of();
        }
        // the screen uses the smallest interaction penalty tried, so that no useful pair is hidden by it
        double screeningL2 = options.interactionL2Grid().stream().min(Comparator.naturalOrder()).orElseThrow();
        return InteractionSearch.rank(spec, outcomes, settings.withInteractionL2(screeningL2), options.folds(),
                        options.seed() + 1).stream()
                .filter(c -> c.gain() > 0)
                .map(InteractionSearch.Candidate::pair)
                .limit(most)
                .toList();
    }

    /** Features learnt from the outcomes, with the given interactions, then the weights. */
    public static LogisticRegression train(FeatureSpec spec, List<Outcome> outcomes, List<AttributePair> pairs,
                                           LogisticRegression.Settings settings, Instant trainedAt) {
        List<java.util.Map<String, Object>> leads = outcomes.stream().map(Outcome::lead).toList();
        Features features = Features.learn(spec, leads);
        if (!pairs.isEmpty()) {
            features = features.withInteractions(pairs, leads, spec.minCount());
        }
        return LogisticRegression.train(features, spec, outcomes, settings, trainedAt);
    }

    /** Total held-out log-loss over the folds, features and interactions relearnt per fold. */
    private static double innerLogLoss(FeatureSpec spec, List<Outcome> outcomes, int[] fold, int folds,
                                       List<AttributePair> pairs, LogisticRegression.Settings settings) {
        double loss = 0;
        for (int k = 0; k < folds; k++) {
            List<Outcome> validation = Folds.select(outcomes, fold, k, true);
            LogisticRegression model = train(spec, Folds.select(outcomes, fold, k, false), pairs, settings,
                    Instant.EPOCH);
            loss += Evaluation.of(model, validation).logLoss() * validation.size();
        }
        return loss;
    }
}
