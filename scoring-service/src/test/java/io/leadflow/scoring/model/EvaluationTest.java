package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {

    private static final double[] PREDICTED = {0.1, 0.4, 0.35, 0.8};
    private static final boolean[] WON = {false, false, true, true};

    @Test
    void aucIsTheShareOfWonLostPairsRankedRight() {
        // pairs (won, lost): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right
        assertThat(Evaluation.of(PREDICTED, WON).auc()).isEqualTo(0.75);
    }

    @Test
    void tiedPredictionsCountHalf() {
        // won {0.5, 0.9} against lost {0.5, 0.2}: the 0.5 tie counts half, the other three pairs are right
        double auc = Evaluation.of(new double[] {0.5, 0.5, 0.2, 0.9}, new boolean[] {true, false, false, true}).auc();
        assertThat(auc).isEqualTo(3.5 / 4);
    }

    @Test
    void aucIsUndefinedWhenEveryLeadHasTheSameOutcome() {
        assertThat(Evaluation.of(new double[] {0.2, 0.7}, new boolean[] {true, true}).auc()).isNaN();
    }

    @Test
    void logLossIsTheMeanNegativeLogLikelihood() {
        double expected = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4; // 0.4722880
        assertThat(Evaluation.of(PREDICTED, WON).logLoss()).isCloseTo(expected, within(1e-12))
                .isCloseTo(0.472288, within(1e-6));
    }

    @Test
    void aCertainMistakeHasAFiniteLogLoss() {
        assertThat(Evaluation.of(new double[] {0.0}, new boolean[] {true}).logLoss())
                .isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void brierIsTheMeanSquaredError() {
        // (0.1)² + (0.4)² + (0.65)² + (0.2)² = 0.6325
        assertThat(Evaluation.of(PREDICTED, WON).brier()).isCloseTo(0.158125, within(1e-12));
    }

    @Test
    void calibrationSplitsLeadsIntoTenthsByPrediction() {
        double[] predicted = new double[20];
        boolean[] won = new boolean[20];
        for (int i = 0; i < 20; i++) {
            predicted[19 - i] = i / 20.0; // in reverse, to prove the sort
            won[19 - i] = i % 4 == 3;
        }
        var deciles = Evaluation.of(predicted, won).calibration();

        assertThat(deciles).hasSize(10).allSatisfy(d -> assertThat(d.count()).isEqualTo(2));
        assertThat(deciles.get(0)).isEqualTo(new Evaluation.Decile(1, 2, 0.025, 0.0));
        assertThat(deciles.get(1)).isEqualTo(new Evaluation.Decile(2, 2, 0.125, 0.5));
        assertThat(deciles.get(9).predicted()).isCloseTo(0.925, within(1e-12));
        assertThat(deciles.get(9).observed()).isEqualTo(0.5);
    }

    @Test
    void aChallengerWinsOnlyWithABetterRankingAndNoWorseProbabilities() {
        Evaluation champion = new Evaluation(100, 0.80, 0.50, 0.17, java.util.List.of());

        assertThat(Evaluation.compare(champion, new Evaluation(100, 0.82, 0.49, 0.16, java.util.List.of())).better())
                .isTrue();
        assertThat(Evaluation.compare(champion, new Evaluation(100, 0.82, 0.51, 0.16, java.util.List.of())))
                .satisfies(c -> assertThat(c.better()).isFalse())
                .satisfies(c -> assertThat(c.reason()).contains("worse log-loss"));
        assertThat(Evaluation.compare(champion, new Evaluation(100, 0.803, 0.40, 0.12, java.util.List.of())).better())
                .as("an AUC gain under 0.005 is noise").isFalse();
        assertThat(Evaluation.compare(champion, new Evaluation(100, 0.803, 0.40, 0.12, java.util.List.of()), 0.001)
                .better()).isTrue();
    }
}
