package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the logistic regression with every choice made by cross-validation inside the outcomes
 * it is given, so that an evaluation on other leads stays honest:
 * <ol>
 *   <li>whether binned numeric attributes also change slope at their bins' edges (a smooth,
 *       piecewise-linear effect rather than steps alone), and the L2 strength of the attributes'
 *       own weights;</li>
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
     * @param trySlopeChanges   whether to try slope changes for binned numeric attributes (the spec as given is
     *                          always tried)
     * @param folds             inner cross-validation folds
     * @param seed              for the inner folds
     */
    public record Options(List<Double> l2Grid, List<Double> interactionL2Grid, List<Integer> interactionCounts,
                          boolean trySlopeChanges, int folds, long seed) {

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
                    List.of(1, 2, 4, 8, 16), true, 3, 42);
        }

        public Options withSeed(long newSeed) {
            return new Options(l2Grid, interactionL2Grid, interactionCounts, trySlopeChanges, folds, newSeed);
        }

        /** No interactions and no slope changes tried: the L2 strength alone is tuned, as before either existed. */
        public Options l2Only() {
            return new Options(l2Grid, interactionL2Grid, List.of(), false, folds, seed);
        }
    }

    /**
     * The trained model and what was chosen.
     *
     * @param model         trained on all the outcomes given, with the chosen settings
     * @param slopeChanges  whether binned numeric attributes change slope at their bins' edges
     * @param l2            chosen L2 for the attributes' own weights
     * @param interactionL2 chosen L2 for interaction weights
     * @param pairs         the interactions kept, best first
     */
    public record Tuned(LogisticRegression model, boolean slopeChanges, double l2, double interactionL2,
                        List<AttributePair> pairs) {

        /** What was chosen, in one line. */
        public String summary() {
            return String.format(Locale.ROOT, "L2 %s, %s, %d interactions%s", l2,
                    slopeChanges ? "slope changes" : "no slope changes", pairs.size(),
                    pairs.isEmpty() ? "" : " (L2 " + interactionL2 + "): " + pairs);
        }
    }

    /** A spec and L2 strength chosen together, with the spec's features per inner fold and their log-loss. */
    private record Shape(FeatureSpec spec, List<Features> features, double l2, double loss) {
    }

    private ConversionTuning() {
    }

    public static Tuned train(FeatureSpec given, List<Outcome> outcomes, LogisticRegression.Settings settings,
                              Options options, Instant trainedAt) {
        List<InnerFold> folds = InnerFold.split(outcomes, options.folds(), options.seed());
        Shape shape = shape(given, folds, settings, options);
        if (options.trySlopeChanges() && !given.slopeChanges() && given.bins() > 1) {
            Shape sloped = shape(given.withSlopeChanges(true), folds, settings, options);
            if (sloped.loss() < shape.loss() - 1e-9) {
                shape = sloped;
            }
        }
        FeatureSpec spec = shape.spec();
        double l2 = shape.l2();
        LogisticRegression.Settings tuned = settings.withL2(l2);
        List<AttributePair> ranked = promising(spec, outcomes, tuned, options);
        List<AttributePair> best = List.of();
        double bestInteractionL2 = tuned.interactionL2();
        if (!ranked.isEmpty()) {
            double bestLoss = shape.loss();
            List<Integer> counts = options.interactionCounts().stream().filter(c -> c > 0)
                    .map(c -> Math.min(c, ranked.size())).distinct().sorted().toList();
            List<Double> penalties = options.interactionL2Grid().stream().sorted(Comparator.reverseOrder()).toList();
            for (int count : counts) {
                List<AttributePair> kept = ranked.subList(0, count);
                List<Features> features = new ArrayList<>();
                for (int k = 0; k < folds.size(); k++) {
                    features.add(shape.features().get(k).withInteractions(kept, folds.get(k).leads(), spec.minCount()));
                }
                for (double penalty : penalties) {
                    double loss = innerLogLoss(folds, features, spec, tuned.withInteractionL2(penalty));
                    if (loss < bestLoss - 1e-9) {
                        bestLoss = loss;
                        best = List.copyOf(kept);
                        bestInteractionL2 = penalty;
                    }
                }
            }
        }
        LogisticRegression.Settings chosen = tuned.withInteractionL2(bestInteractionL2);
        return new Tuned(train(spec, outcomes, best, chosen, trainedAt), spec.slopeChanges(), l2, bestInteractionL2,
                best);
    }

    /** The L2 strength with the lowest inner cross-validated log-loss for this spec; ties go to the stronger. */
    private static Shape shape(FeatureSpec spec, List<InnerFold> folds, LogisticRegression.Settings settings,
                               Options options) {
        // learnt once per fold: the encoding does not depend on the L2 strength
        List<Features> features = folds.stream().map(f -> Features.learn(spec, f.leads())).toList();
        Shape best = null;
        for (double l2 : options.l2Grid().stream().sorted(Comparator.reverseOrder()).toList()) {
            double loss = innerLogLoss(folds, features, spec, settings.withL2(l2));
            if (best == null || loss < best.loss() - 1e-9) {
                best = new Shape(spec, features, l2, loss);
            }
        }
        return best;
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
        List<Map<String, Object>> leads = outcomes.stream().map(Outcome::lead).toList();
        Features features = Features.learn(spec, leads);
        if (!pairs.isEmpty()) {
            features = features.withInteractions(pairs, leads, spec.minCount());
        }
        return LogisticRegression.train(features, spec, outcomes, settings, trainedAt);
    }

    /** Total held-out log-loss over the folds, each fold's model trained on its own features. */
    private static double innerLogLoss(List<InnerFold> folds, List<Features> features, FeatureSpec spec,
                                       LogisticRegression.Settings settings) {
        double loss = 0;
        for (int k = 0; k < folds.size(); k++) {
            InnerFold fold = folds.get(k);
            LogisticRegression model = LogisticRegression.train(features.get(k), spec, fold.train(), settings,
                    Instant.EPOCH);
            loss += logLoss(model, fold.validation());
        }
        return loss;
    }

    /** The summed log-loss, computed as {@link Evaluation#logLoss()} is (without its AUC and deciles). */
    private static double logLoss(ConversionModel model, List<Outcome> outcomes) {
        double sum = 0;
        for (Outcome outcome : outcomes) {
            double p = Math.max(Evaluation.EPSILON, Math.min(1 - Evaluation.EPSILON, model.probability(outcome.lead())));
            sum -= outcome.won() ? Math.log(p) : Math.log(1 - p);
        }
        return sum / outcomes.size() * outcomes.size();
    }

    /** One inner fold: the outcomes trained on (and their leads) and those held out. */
    private record InnerFold(List<Outcome> train, List<Map<String, Object>> leads, List<Outcome> validation) {

        static List<InnerFold> split(List<Outcome> outcomes, int folds, long seed) {
            int[] fold = Folds.stratified(outcomes, folds, seed);
            List<InnerFold> split = new ArrayList<>();
            for (int k = 0; k < folds; k++) {
                List<Outcome> train = Folds.select(outcomes, fold, k, false);
                split.add(new InnerFold(train, train.stream().map(Outcome::lead).toList(),
                        Folds.select(outcomes, fold, k, true)));
            }
            return split;
        }
    }
}
