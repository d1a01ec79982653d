package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five-fold cross-validation on the X Education leads, with the after-contact columns excluded.
 * The figures are printed; the assertions are floors that catch a regression, not targets.
 */
class XEducationEvaluationTest {

    @Test
    void logisticRegressionBeatsTheNaiveBayesBaselineOnHeldOutLeads() {
        Evaluator.Report report = Evaluator.crossValidate(XEducation.MAPPING, XEducation.outcomes(),
                Evaluator.Options.defaults());
        System.out.println(report.format());

        Evaluator.ModelResult lr = report.model(LogisticRegression.KIND);
        Evaluator.ModelResult nb = report.model(NaiveBayes.KIND);
        assertThat(lr.meanAuc()).isGreaterThanOrEqualTo(0.85);
        assertThat(lr.folds()).allSatisfy(fold -> assertThat(fold.auc()).isGreaterThan(0.83));
        assertThat(nb.meanAuc()).isGreaterThanOrEqualTo(0.82);
        assertThat(lr.meanAuc()).isGreaterThan(nb.meanAuc());
        assertThat(lr.meanLogLoss()).isLessThan(nb.meanLogLoss()).isLessThan(0.46);
        assertThat(lr.meanBrier()).isLessThan(nb.meanBrier());
        // calibrated: in every decile the predicted rate is within 7 points of the observed one
        assertThat(lr.pooled().calibration())
                .allSatisfy(d -> assertThat(Math.abs(d.predicted() - d.observed())).isLessThan(0.07));
        assertThat(Evaluation.compare(nb.pooled(), lr.pooled()).better()).isTrue();
    }
}
