package io.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well predicted probabilities match outcomes.
 *
 * @param outcomes    how many closed leads were scored
 * @param auc         area under the ROC curve: the chance a random won lead scores above a random lost one
 *                    (ties count half); ranking quality, what routing by score needs
 * @param logLoss     mean negative log-likelihood of the outcomes; punishes confident mistakes
 * @param brier       mean squared error of the probability
 * @param calibration predicted against observed conversion, by decile of predicted probability
 */
public record Evaluation(int outcomes, double auc, double logLoss, double brier, List<Decile> calibration) {

    /** Probabilities are clipped this far from 0 and 1 for the log-loss, so one certainty cannot make it infinite. */
    static final double EPSILON = 1e-15;

    /**
     * One tenth of the scored leads, ordered by predicted probability.
     *
     * @param decile    1 (lowest predictions) to 10
     * @param count     leads in it
     * @param predicted their mean predicted probability
     * @param observed  the share of them that converted
     */
    public record Decile(int decile, int count, double predicted, double observed) {
    }

    /**
     * Whether a challenger model should replace the champion.
     *
     * @param better whether it should
     * @param reason why, with the figures
     */
    public record Comparison(boolean better, String reason) {
    }

    public static Evaluation of(double[] predicted, boolean[] won) {
        if (predicted.length != won.length || predicted.length == 0) {
            throw new IllegalArgumentException("need as many outcomes as predictions, at least one");
        }
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < predicted.length; i++) {
            double p = Math.max(EPSILON, Math.min(1 - EPSILON, predicted[i]));
            logLoss -= won[i] ? Math.log(p) : Math.log(1 - p);
            double error = predicted[i] - (won[i] ? 1 : 0);
            brier += error * error;
        }
        return new Evaluation(predicted.length, auc(predicted, won), logLoss / predicted.length,
                brier / predicted.length, deciles(predicted, won));
    }

    /**
     * Mann-Whitney AUC: the rank sum of won leads, tied predictions sharing their mean rank.
     * NaN when all outcomes are the same, as the ranking is then undefined.
     */
    static double auc(double[] predicted, boolean[] won) {
        int n = predicted.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> predicted[i]))
                .toArray(Integer[]::new);
        double rankSumWon = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && predicted[order[j + 1]] == predicted[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (won[order[k]]) {
                    rankSumWon += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumWon - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Ten groups of (as near as possible) equal size, by predicted probability; fewer when there are under ten leads. */
    static List<Decile> deciles(double[] predicted, boolean[] won) {
        int n = predicted.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> predicted[i]))
                .toArray(Integer[]::new);
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) d * n / 10);
            int to = (int) ((long) (d + 1) * n / 10);
            if (to == from) {
                continue;
            }
            double sumPredicted = 0;
            int converted = 0;
            for (int k = from; k < to; k++) {
                sumPredicted += predicted[order[k]];
                converted += won[order[k]] ? 1 : 0;
            }
            deciles.add(new Decile(d + 1, to - from, sumPredicted / (to - from), (double) converted / (to - from)));
        }
        return List.copyOf(deciles);
    }

    /** Evaluates a model on closed leads it was not trained on. */
    public static Evaluation of(ConversionModel model, List<Outcome> outcomes) {
        double[] predicted = new double[outcomes.size()];
        boolean[] won = new boolean[outcomes.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = model.probability(outcomes.get(i).lead());
            won[i] = outcomes.get(i).won();
        }
        return of(predicted, won);
    }

    /**
     * The promotion rule: a challenger replaces the champion when, on the same held-out outcomes,
     * it ranks leads better (AUC higher by at least {@code minAucGain}) AND its probabilities are
     * no worse (log-loss not higher). Ranking decides routing; the probability is shown to sales
     * and used for thresholds, so a better ranking bought with miscalibration is refused. Brier
     * is reported, not used: it mostly moves with log-loss.
     */
    public static Comparison compare(Evaluation champion, Evaluation challenger, double minAucGain) {
        double gain = challenger.auc() - champion.auc();
        boolean ranksBetter = gain >= minAucGain && gain > 0;
        boolean calibratedEnough = challenger.logLoss() <= champion.logLoss();
        String figures = String.format(java.util.Locale.ROOT,
                "AUC %.4f -> %.4f (%+.4f, need >= %+.4f), log-loss %.4f -> %.4f", champion.auc(), challenger.auc(),
                gain, minAucGain, champion.logLoss(), challenger.logLoss());
        if (ranksBetter && calibratedEnough) {
            return new Comparison(true, "challenger is better: " + figures);
        }
        String why = !ranksBetter ? "does not rank leads better enough" : "has a worse log-loss";
        return new Comparison(false, "champion stays, challenger " + why + ": " + figures);
    }

    /** {@link #compare(Evaluation, Evaluation, double)} with a minimum AUC gain of 0.005. */
    public static Comparison compare(Evaluation champion, Evaluation challenger) {
        return compare(champion, challenger, 0.005);
    }

    /** The calibration table, one line per decile. */
    public String calibrationTable() {
        StringBuilder table = new StringBuilder("decile  count  predicted  observed\n");
        for (Decile d : calibration) {
            table.append(String.format(java.util.Locale.ROOT, "%6d %6d %10.3f %9.3f%n", d.decile(), d.count(),
                    d.predicted(), d.observed()));
        }
        return table.toString();
    }

}
