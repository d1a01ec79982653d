package io.leadflow.scoring.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The evaluation harness: trains logistic regression and the naive Bayes baseline on closed
 * leads and measures them on leads they did not see, by stratified k-fold cross-validation or on
 * a separate test file. Logistic regression's L2 strength is chosen inside each training part
 * (see {@link LogisticRegression#tuneL2}); the held-out fold plays no part in any choice.
 * <p>
 * From the command line: {@code Evaluator --mapping m.json --data leads.csv [--folds 5] [--seed 42]}
 * or {@code --train a.csv --test b.csv}; without {@code --mapping}, the X Education mapping shipped
 * on the classpath is used.
 */
public final class Evaluator {

    /**
     * @param folds      outer cross-validation folds
     * @param seed       for the fold assignment
     * @param l2Grid     L2 strengths tried
     * @param innerFolds cross-validation folds for choosing L2
     * @param alpha      naive Bayes' Laplace smoothing
     * @param settings   logistic regression's other settings
     */
    public record Options(int folds, long seed, List<Double> l2Grid, int innerFolds, double alpha,
                          LogisticRegression.Settings settings) {

        public Options {
            l2Grid = List.copyOf(l2Grid);
        }

        public static Options defaults() {
            return new Options(5, 42, List.of(0.3, 1.0, 3.0, 10.0, 30.0), 3, 1.0,
                    LogisticRegression.Settings.defaults());
        }

        public Options withFolds(int k) {
            return new Options(k, seed, l2Grid, innerFolds, alpha, settings);
        }
    }

    /**
     * One model's figures.
     *
     * @param model  its kind
     * @param folds  the evaluation on each held-out fold (one entry for a train/test run)
     * @param pooled the evaluation of all held-out predictions together (the calibration table comes from here)
     * @param notes  what was chosen per fold, e.g. the L2 strength
     */
    public record ModelResult(String model, List<Evaluation> folds, Evaluation pooled, List<String> notes) {

        public double meanAuc() {
            return mean(folds.stream().mapToDouble(Evaluation::auc).toArray());
        }

        public double sdAuc() {
            return sd(folds.stream().mapToDouble(Evaluation::auc).toArray());
        }

        public double meanLogLoss() {
            return mean(folds.stream().mapToDouble(Evaluation::logLoss).toArray());
        }

        public double sdLogLoss() {
            return sd(folds.stream().mapToDouble(Evaluation::logLoss).toArray());
        }

        public double meanBrier() {
            return mean(folds.stream().mapToDouble(Evaluation::brier).toArray());
        }

        public double sdBrier() {
            return sd(folds.stream().mapToDouble(Evaluation::brier).toArray());
        }
    }

    /** Everything one evaluation run measured. */
    public record Report(String title, List<ModelResult> models) {

        public ModelResult model(String kind) {
            return models.stream().filter(m -> m.model().equals(kind)).findFirst().orElseThrow();
        }

        /** The figures as text: mean ± sd over folds, then each model's calibration table. */
        public String format() {
            StringBuilder out = new StringBuilder(title).append('\n');
            out.append(String.format(Locale.ROOT, "%-21s %-17s %-17s %-17s%n", "model", "AUC", "log-loss", "Brier"));
            for (ModelResult m : models) {
                out.append(String.format(Locale.ROOT, "%-21s %.4f ± %.4f  %.4f ± %.4f  %.4f ± %.4f%n", m.model(),
                        m.meanAuc(), m.sdAuc(), m.meanLogLoss(), m.sdLogLoss(), m.meanBrier(), m.sdBrier()));
            }
            for (ModelResult m : models) {
                out.append('\n').append(m.model()).append(String.format(Locale.ROOT,
                        ", all held-out predictions pooled: AUC %.4f, log-loss %.4f, Brier %.4f%n",
                        m.pooled().auc(), m.pooled().logLoss(), m.pooled().brier()));
                if (!m.notes().isEmpty()) {
                    out.append(String.join("; ", m.notes())).append('\n');
                }
                out.append(m.pooled().calibrationTable());
            }
            out.append('\n').append(Evaluation.compare(model(NaiveBayes.KIND).pooled(),
                    model(LogisticRegression.KIND).pooled()).reason()).append(" (naive Bayes as champion)\n");
            return out.toString();
        }
    }

    private Evaluator() {
    }

    /** Stratified k-fold cross-validation of both models. */
    public static Report crossValidate(LeadMapping mapping, List<Outcome> outcomes, Options options) {
        int[] fold = Folds.stratified(outcomes, options.folds(), options.seed());
        List<ModelResult> results = new ArrayList<>();
        for (Trainer trainer : trainers(mapping.featureSpec(), options)) {
            double[] pooled = new double[outcomes.size()];
            List<Evaluation> perFold = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int k = 0; k < options.folds(); k++) {
                List<Outcome> train = Folds.select(outcomes, fold, k, false);
                List<Outcome> test = Folds.select(outcomes, fold, k, true);
                ConversionModel model = trainer.train().apply(train, notes);
                perFold.add(Evaluation.of(model, test));
                for (int i = 0; i < outcomes.size(); i++) {
                    if (fold[i] == k) {
                        pooled[i] = model.probability(outcomes.get(i).lead());
                    }
                }
            }
            results.add(new ModelResult(trainer.kind(), perFold, Evaluation.of(pooled, labels(outcomes)), notes));
        }
        long won = outcomes.stream().filter(Outcome::won).count();
        String title = String.format(Locale.ROOT,
                "%s: %d-fold stratified cross-validation (seed %d), %d outcomes, %.1f%% won; mean ± sd over folds",
                mapping.name(), options.folds(), options.seed(), outcomes.size(), 100.0 * won / outcomes.size());
        return new Report(title, results);
    }

    /** Both models trained on one set of outcomes and measured on another. */
    public static Report trainTest(LeadMapping mapping, List<Outcome> train, List<Outcome> test, Options options) {
        List<ModelResult> results = new ArrayList<>();
        for (Trainer trainer : trainers(mapping.featureSpec(), options)) {
            List<String> notes = new ArrayList<>();
            Evaluation evaluation = Evaluation.of(trainer.train().apply(train, notes), test);
            results.add(new ModelResult(trainer.kind(), List.of(evaluation), evaluation, notes));
        }
        String title = String.format(Locale.ROOT, "%s: trained on %d outcomes, tested on %d (sd 0: one test set)",
                mapping.name(), train.size(), test.size());
        return new Report(title, results);
    }

    private record Trainer(String kind, BiFunction<List<Outcome>, List<String>, ConversionModel> train) {
    }

    // Evaluation models are thrown away, so their training time is irrelevant: EPOCH keeps runs identical.
    private static List<Trainer> trainers(FeatureSpec spec, Options options) {
        return List.of(
                new Trainer(LogisticRegression.KIND, (train, notes) -> {
                    double l2 = LogisticRegression.tuneL2(spec, train, options.settings(), options.l2Grid(),
                            options.innerFolds(), options.seed());
                    notes.add("L2 " + l2);
                    return LogisticRegression.train(spec, train, options.settings().withL2(l2), Instant.EPOCH);
                }),
                new Trainer(NaiveBayes.KIND, (train, notes) ->
                        NaiveBayes.train(spec, train, options.alpha(), Instant.EPOCH)));
    }

    private static boolean[] labels(List<Outcome> outcomes) {
        boolean[] won = new boolean[outcomes.size()];
        for (int i = 0; i < won.length; i++) {
            won[i] = outcomes.get(i).won();
        }
        return won;
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Sample standard deviation; 0 for a single value. */
    static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }

    public static void main(String[] args) {
        LeadMapping mapping = null;
        Path data = null;
        Path train = null;
        Path test = null;
        Options options = Options.defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mapping" -> mapping = LeadMapping.read(Path.of(args[i + 1]));
                case "--data" -> data = Path.of(args[i + 1]);
                case "--train" -> train = Path.of(args[i + 1]);
                case "--test" -> test = Path.of(args[i + 1]);
                case "--folds" -> options = options.withFolds(Integer.parseInt(args[i + 1]));
                case "--seed" -> options = new Options(options.folds(), Long.parseLong(args[i + 1]), options.l2Grid(),
                        options.innerFolds(), options.alpha(), options.settings());
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (mapping == null) {
            mapping = LeadMapping.resource("leadflow/scoring/xeducation-mapping.json");
        }
        Report report;
        if (data != null) {
            report = crossValidate(mapping, LeadCsv.read(data, mapping), options);
        } else if (train != null && test != null) {
            report = trainTest(mapping, LeadCsv.read(train, mapping), LeadCsv.read(test, mapping), options);
        } else {
            System.err.println("usage: Evaluator [--mapping m.json] (--data leads.csv [--folds 5] [--seed 42]"
                    + " | --train a.csv --test b.csv)");
            System.exit(2);
            return;
        }
        System.out.print(report.format());
    }
}
