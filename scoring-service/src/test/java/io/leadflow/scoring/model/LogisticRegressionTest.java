package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticRegressionTest {

    private static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");
    private static final LogisticRegression.Settings SETTINGS = LogisticRegression.Settings.defaults().withL2(0.01);

    @Test
    void batchTrainingRecoversTheWeightsTheDataWasDrawnFrom() {
        List<Outcome> outcomes = Synthetic.outcomes(40_000, 7);
        LogisticRegression model = LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS, AT);
        Map<String, Double> w = model.weightsByFeature();
        AttributeEncoding x1 = model.features().encodings().get(0);

        // numeric weights are per standard deviation of the (clipped) training values
        assertThat(w.get("x1 (standardised)") / x1.sd()).isCloseTo(Synthetic.X1, within(0.1));
        assertThat(w.get("x2 (standardised)") / model.features().encodings().get(1).sd())
                .isCloseTo(Synthetic.X2, within(0.1));
        // one-hot levels are identified up to the intercept: compare differences
        assertThat(w.get("channel = B") - w.get("channel = A")).isCloseTo(1.2, within(0.1));
        assertThat(w.get("channel = C") - w.get("channel = A")).isCloseTo(-0.8, within(0.1));
        assertThat(model.info()).satisfies(info -> {
            assertThat(info.kind()).isEqualTo("logistic-regression");
            assertThat(info.trainedAt()).isEqualTo(AT);
            assertThat(info.outcomes()).isEqualTo(40_000);
            assertThat(info.hyperParameters()).containsEntry("l2", 0.01);
        });
    }

    @Test
    void trainingIsDeterministic() {
        List<Outcome> outcomes = Synthetic.outcomes(2_000, 3);
        assertThat(LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS, AT).weights())
                .containsExactly(LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS, AT).weights());
    }

    @Test
    void aStrongerPenaltyShrinksTheWeightsButNotTheIntercept() {
        List<Outcome> outcomes = Synthetic.outcomes(2_000, 3);
        LogisticRegression loose = LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS, AT);
        LogisticRegression tight = LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS.withL2(1e6), AT);

        assertThat(norm(tight.weights())).isLessThan(0.01 * norm(loose.weights()));
        // with the weights pinned near zero the intercept alone carries the base rate
        double rate = outcomes.stream().filter(Outcome::won).count() / 2000.0;
        assertThat(tight.intercept()).isCloseTo(Math.log(rate / (1 - rate)), within(0.01));
    }

    @Test
    void incrementalUpdatesMoveTowardTheBatchSolution() {
        List<Outcome> outcomes = Synthetic.outcomes(20_000, 11);
        LogisticRegression batch = LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS, AT);
        // same encoding, all weights zero: only the updates can teach it
        LogisticRegression online = LogisticRegression.untrained(batch.features(), SETTINGS.withLearningRate(0.01), AT);
        double before = distance(online, batch);

        for (Outcome outcome : outcomes) {
            online = online.update(outcome.lead(), outcome.won());
        }

        assertThat(distance(online, batch)).isLessThan(0.15 * before);
        assertThat(online.info().updates()).isEqualTo(20_000);
        assertThat(online.info().outcomes()).isEqualTo(20_000);
    }

    @Test
    void oneWonOutcomeRaisesThatLeadsProbabilityAndLeavesTheModelItCameFromUnchanged() {
        List<Outcome> outcomes = Synthetic.outcomes(2_000, 5);
        LogisticRegression model = LogisticRegression.train(Synthetic.SPEC, outcomes, SETTINGS, AT);
        Map<String, Object> lead = Map.of("x1", 0.3, "x2", 0.1, "channel", "C");
        double before = model.probability(lead);

        LogisticRegression updated = model.update(lead, true);

        assertThat(updated.probability(lead)).isGreaterThan(before);
        assertThat(model.probability(lead)).isEqualTo(before);
        assertThat(updated.info().won()).isEqualTo(model.info().won() + 1);
    }

    @Test
    void factorsAddUpToTheLogOddsAndReadAsTheDomain() {
        LogisticRegression model = LogisticRegression.train(Synthetic.SPEC, Synthetic.outcomes(5_000, 9), SETTINGS, AT);
        Map<String, Object> lead = Map.of("x1", 2.0, "x2", -0.1, "channel", "B");

        List<Factor> all = model.topFactors(lead, 10);

        assertThat(all).extracting(Factor::feature).contains("channel = B", "x1 (standardised)");
        assertThat(all.get(0).feature()).isEqualTo("x1 (standardised)");
        assertThat(model.intercept() + all.stream().mapToDouble(Factor::weight).sum())
                .isCloseTo(model.logOdds(lead), within(1e-12));
        assertThat(model.topFactors(lead, 1)).hasSize(1);
        assertThat(model.probability(lead)).isCloseTo(ConversionModel.sigmoid(model.logOdds(lead)), within(1e-15));
    }

    @Test
    void interactionWeightsHaveTheirOwnPenalty() {
        List<Outcome> outcomes = Synthetic.interacting(4_000, 13);
        Features features = withChannelByRegion(outcomes);
        LogisticRegression loose = LogisticRegression.train(features, outcomes, SETTINGS.withInteractionL2(0.01), AT);
        LogisticRegression pinned = LogisticRegression.train(features, outcomes, SETTINGS.withInteractionL2(1e7), AT);
        int own = features.attributeFeatures();

        // the true effect: B in the South gains 2.5 on the log-odds that no sum of own weights gives
        Map<String, Double> w = loose.weightsByFeature();
        double together = w.get("channel = B × region = South") - w.get("channel = B × region = North")
                - w.get("channel = A × region = South") + w.get("channel = A × region = North");
        assertThat(together).isCloseTo(2.5, within(0.4));
        double[] pinnedWeights = pinned.weights();
        for (int j = own; j < pinnedWeights.length; j++) {
            assertThat(Math.abs(pinnedWeights[j])).isLessThan(1e-4);
        }
        // the attributes' own weights are not pinned: without the interaction they carry what they can of it
        assertThat(pinned.weightsByFeature().get("channel = B") - pinned.weightsByFeature().get("channel = A"))
                .isGreaterThan(0.5);
        assertThat(loose.info().hyperParameters()).containsEntry("interactionL2", 0.01).containsEntry("interactions", 1.0);
    }

    @Test
    void anInteractionIsAFactorAndLearnsOnline() {
        List<Outcome> outcomes = Synthetic.interacting(4_000, 17);
        LogisticRegression model = LogisticRegression.train(withChannelByRegion(outcomes), outcomes,
                SETTINGS.withInteractionL2(1), AT);
        Map<String, Object> lead = Map.of("channel", "B", "region", "South", "size", "M", "noise", "n1");

        List<Factor> factors = model.topFactors(lead, 20);
        assertThat(factors.get(0).feature()).isEqualTo("channel = B × region = South");
        assertThat(model.intercept() + factors.stream().mapToDouble(Factor::weight).sum())
                .isCloseTo(model.logOdds(lead), within(1e-12));

        LogisticRegression lost = model.update(lead, false);
        assertThat(lost.weightsByFeature().get("channel = B × region = South"))
                .isLessThan(model.weightsByFeature().get("channel = B × region = South"));
        assertThat(lost.probability(lead)).isLessThan(model.probability(lead));
    }

    @Test
    void aBendingEffectIsOneFactorUnderItsMeasuresName() {
        LogisticRegression model = LogisticRegression.train(Synthetic.SPEC.withBins(4).withSlopeChanges(true),
                Synthetic.kinked(4_000, 23), SETTINGS, AT);
        Map<String, Object> lead = Map.of("x1", 2.0, "x2", 0.0, "channel", "A");
        assertThat(model.features().names()).anyMatch(name -> name.startsWith("x1 (standardised) beyond "));

        List<Factor> factors = model.topFactors(lead, 20);

        assertThat(factors).extracting(Factor::feature).doesNotHaveDuplicates()
                .noneMatch(name -> name.contains(" beyond "));
        double linear = factors.stream().filter(f -> f.feature().equals("x1 (standardised)")).findFirst().orElseThrow().weight();
        double x1Alone = model.logOdds(lead) - model.logOdds(Map.of("x2", 0.0, "channel", "A"))
                + model.weightsByFeature().get("x1 = __missing__") - binWeight(model, lead);
        assertThat(linear).isCloseTo(x1Alone, within(1e-9)); // the line and every slope change it passed
        assertThat(model.intercept() + factors.stream().mapToDouble(Factor::weight).sum())
                .isCloseTo(model.logOdds(lead), within(1e-12));
    }

    private static double binWeight(LogisticRegression model, Map<String, Object> lead) {
        Features features = model.features();
        return model.weights()[features.level(lead, 0)];
    }

    @Test
    void onlineUpdatesWithInteractionsMoveTowardTheBatchSolution() {
        List<Outcome> outcomes = Synthetic.interacting(20_000, 19);
        LogisticRegression.Settings settings = SETTINGS.withInteractionL2(1).withLearningRate(0.01);
        LogisticRegression batch = LogisticRegression.train(withChannelByRegion(outcomes), outcomes, settings, AT);
        LogisticRegression online = LogisticRegression.untrained(batch.features(), settings, AT);
        List<Outcome> leads = Synthetic.interacting(1_000, 20);
        double before = meanLogOddsGap(online, batch, leads);

        for (Outcome outcome : outcomes) {
            online = online.update(outcome.lead(), outcome.won());
        }

        // one-hot levels and their combinations are only identified through the penalty, so compare
        // what matters, the log-odds given to leads, rather than the weights
        assertThat(meanLogOddsGap(online, batch, leads)).isLessThan(0.15 * before);
    }

    private static double meanLogOddsGap(LogisticRegression a, LogisticRegression b, List<Outcome> leads) {
        return leads.stream().mapToDouble(o -> Math.abs(a.logOdds(o.lead()) - b.logOdds(o.lead()))).average().orElseThrow();
    }

    private static Features withChannelByRegion(List<Outcome> outcomes) {
        List<Map<String, Object>> leads = outcomes.stream().map(Outcome::lead).toList();
        return Features.learn(Synthetic.INTERACTING_SPEC, leads)
                .withInteractions(List.of(new AttributePair("channel", "region")), leads, 5);
    }

    private static double distance(LogisticRegression a, LogisticRegression b) {
        double[] wa = a.weights();
        double[] wb = b.weights();
        double sum = Math.pow(a.intercept() - b.intercept(), 2);
        for (int j = 0; j < wa.length; j++) {
            sum += Math.pow(wa[j] - wb[j], 2);
        }
        return Math.sqrt(sum);
    }

    private static double norm(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
