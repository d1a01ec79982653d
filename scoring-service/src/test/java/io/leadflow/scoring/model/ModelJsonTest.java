package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {

    private static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");
    private static final FeatureSpec SPEC = Synthetic.SPEC.withBins(6);

    @Test
    void aStoredLogisticRegressionPredictsExactlyAsTheOriginal() {
        List<Outcome> outcomes = Synthetic.outcomes(3_000, 21);
        LogisticRegression model = LogisticRegression.train(SPEC, outcomes, LogisticRegression.Settings.defaults(), AT)
                .update(outcomes.get(0).lead(), true);

        String json = ModelJson.write(model);
        ConversionModel read = ModelJson.read(json);

        assertThat(read).isInstanceOf(LogisticRegression.class);
        assertThat(read.info()).isEqualTo(model.info());
        assertThat(((LogisticRegression) read).settings()).isEqualTo(model.settings());
        assertSamePredictions(model, read, Synthetic.outcomes(500, 22));
        assertThat(json).contains("\"trainedAt\":\"2025-01-15T10:00:00Z\"", "\"channel = B\":", "\"x1 in [");
        assertThat(ModelJson.write(read)).isEqualTo(json);
    }

    @Test
    void aStoredNaiveBayesPredictsExactlyAsTheOriginal() {
        NaiveBayes model = NaiveBayes.train(SPEC, Synthetic.outcomes(3_000, 23), 1.0, AT);

        ConversionModel read = ModelJson.read(ModelJson.write(model));

        assertThat(read).isInstanceOf(NaiveBayes.class);
        assertThat(read.info()).isEqualTo(model.info());
        assertSamePredictions(model, read, Synthetic.outcomes(500, 24));
    }

    @Test
    void aModelMissingAWeightIsRefused() {
        String json = ModelJson.write(LogisticRegression.train(SPEC, Synthetic.outcomes(500, 25),
                LogisticRegression.Settings.defaults(), AT)).replace("\"channel = B\":", "\"channel = Z\":");

        assertThatThrownBy(() -> ModelJson.read(json)).hasMessageContaining("channel = B");
    }

    private static void assertSamePredictions(ConversionModel expected, ConversionModel actual, List<Outcome> leads) {
        for (Outcome outcome : leads) {
            assertThat(actual.probability(outcome.lead())).isEqualTo(expected.probability(outcome.lead()));
            assertThat(actual.topFactors(outcome.lead(), 3)).isEqualTo(expected.topFactors(outcome.lead(), 3));
        }
    }
}
