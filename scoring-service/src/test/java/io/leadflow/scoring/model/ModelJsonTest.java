package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {

    private static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");
    private static final FeatureSpec SPEC = Synthetic.SPEC.withBins(6);

    @Test
    void aStoredLogisticRegressionPredictsExactlyAsTheOriginal() {
        List<Outcome> outcomes = Synthetic.outcomes(3_000, 21);
        LogisticRegression model = LogisticRegression.train(SPEC.withSlopeChanges(true), outcomes,
                LogisticRegression.Settings.defaults(), AT).update(outcomes.get(0).lead(), true);

        String json = ModelJson.write(model);
        ConversionModel read = ModelJson.read(json);

        assertThat(read).isInstanceOf(LogisticRegression.class);
        assertThat(read.info()).isEqualTo(model.info());
        assertThat(((LogisticRegression) read).settings()).isEqualTo(model.settings());
        assertSamePredictions(model, read, Synthetic.outcomes(500, 22));
        assertThat(json).contains("\"trainedAt\":\"2025-01-15T10:00:00Z\"", "\"channel = B\":", "\"x1 in [",
                "\"x1 (standardised) beyond ");
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

    @Test
    void aStoredModelWithInteractionsPredictsExactlyAsTheOriginal() {
        List<Outcome> outcomes = Synthetic.interacting(3_000, 26);
        LogisticRegression model = ConversionTuning.train(Synthetic.INTERACTING_SPEC, outcomes,
                List.of(new AttributePair("channel", "region")),
                LogisticRegression.Settings.defaults().withInteractionL2(4), AT).update(outcomes.get(0).lead(), false);

        String json = ModelJson.write(model);
        LogisticRegression read = (LogisticRegression) ModelJson.read(json);

        assertThat(json).contains("\"format\":2", "\"interactions\":[{\"first\":\"channel\",\"second\":\"region\"",
                "\"channel = B × region = South\":");
        assertThat(read.settings()).isEqualTo(model.settings());
        assertThat(read.features().pairs()).containsExactly(new AttributePair("channel", "region"));
        assertSamePredictions(model, read, Synthetic.interacting(500, 27));
        assertThat(ModelJson.write(read)).isEqualTo(json);
    }

    /**
     * {@code model-format-1.json} was written by the code before interactions (format 1): no
     * interactions, one {@code l2}. The probabilities are what that code printed for these leads.
     */
    @Test
    void aVersionStoredBeforeInteractionsStillLoadsAndPredictsAsItDid() throws IOException {
        String json;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("leadflow/scoring/model-format-1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        LogisticRegression read = (LogisticRegression) ModelJson.read(json);

        assertThat(json).contains("\"format\":1").doesNotContain("interaction");
        assertThat(read.features().interactions()).isEmpty();
        assertThat(read.settings().interactionL2()).isEqualTo(read.settings().l2()).isEqualTo(1.0);
        assertThat(read.info().updates()).isEqualTo(1);
        assertThat(read.probability(Map.of("channel", "Referral", "visits", 4.0))).isEqualTo(0.6543020428450529);
        assertThat(read.probability(Map.of("channel", "Event"))).isEqualTo(0.28069995072290893);
        assertThat(read.probability(Map.of("visits", 9.0))).isEqualTo(0.33943454343419727);
        assertThat(read.topFactors(Map.of("channel", "Referral", "visits", 4.0), 2)).containsExactly(
                new Factor("channel = Referral", 1.304583411687094),
                new Factor("visits in [3, 7)", -0.17923954345419216));
        // it keeps learning, and is stored again in the current format
        LogisticRegression updated = read.update(Map.of("channel", "Event"), true);
        assertThat(updated.probability(Map.of("channel", "Event"))).isGreaterThan(0.28069995072290893);
        assertThat(ModelJson.write(updated)).contains("\"format\":2");
        assertSamePredictions(updated, ModelJson.read(ModelJson.write(updated)), Synthetic.outcomes(50, 28));
    }

    @Test
    void anUnknownFormatIsRefused() {
        String json = ModelJson.write(LogisticRegression.train(SPEC, Synthetic.outcomes(500, 29),
                LogisticRegression.Settings.defaults(), AT)).replace("\"format\":2", "\"format\":3");

        assertThatThrownBy(() -> ModelJson.read(json)).hasMessageContaining("format 3");
    }

    private static void assertSamePredictions(ConversionModel expected, ConversionModel actual, List<Outcome> leads) {
        for (Outcome outcome : leads) {
            assertThat(actual.probability(outcome.lead())).isEqualTo(expected.probability(outcome.lead()));
            assertThat(actual.topFactors(outcome.lead(), 3)).isEqualTo(expected.topFactors(outcome.lead(), 3));
        }
    }
}
