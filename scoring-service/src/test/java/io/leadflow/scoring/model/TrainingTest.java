package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTest {

    private static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");

    @Test
    void theServiceModelIsTunedLikeTheEvaluatedOne() {
        List<Outcome> outcomes = Synthetic.interacting(3_000, 51);

        Training.Trained trained = Training.train(Synthetic.INTERACTING_SPEC, outcomes,
                LogisticRegression.Settings.defaults(), 5, 42, AT);

        assertThat(trained.model().features().pairs()).contains(new AttributePair("channel", "region"));
        assertThat(trained.model().info().outcomes()).isEqualTo(3_000);
        assertThat(trained.evaluation().outcomes()).isEqualTo(3_000);
        // held-out AUC of the whole procedure, close to what a fresh sample gives the final model
        double fresh = Evaluation.of(trained.model(), Synthetic.interacting(3_000, 52)).auc();
        assertThat(trained.evaluation().auc()).isGreaterThan(0.7).isCloseTo(fresh, org.assertj.core.api.Assertions.within(0.03));
    }

    @Test
    void trainsOnAsFewOutcomesAsTheServiceAccepts() {
        // the service's floor: 50 outcomes, at least as many won and lost as folds
        List<Outcome> outcomes = Synthetic.interacting(50, 53);
        assertThat(outcomes.stream().filter(Outcome::won).count()).isGreaterThanOrEqualTo(5);

        Training.Trained trained = Training.train(Synthetic.INTERACTING_SPEC, outcomes,
                LogisticRegression.Settings.defaults(), 5, 42, AT);

        assertThat(trained.model().info().outcomes()).isEqualTo(50);
        assertThat(trained.evaluation().logLoss()).isFinite();
    }
}
