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
 * leads and measures them on leads they did not see, by stratified k-fold cross-validation, on
 * the last part of a file (in file order) or on a separate test file. Logistic regression's L2
 * strengths and interactions are chosen inside each training part (see {@link ConversionTuning});
 * the held-out leads play no part in any choice.
 * <p>
 * From the command line: {@code Evaluator --mapping m.json --data leads.csv [--folds 5] [--seed 42]
 * [--tuning l2]}, {@code --data leads.csv --train-first 0.8} (train on the first 80% of the
 * rows, test on the rest) or {@code --train a.csv --test b.csv}; without {@code --mapping}, the X
 * Education mapping shipped on the classpath is used. {@code --tuning l2} tunes the L2 strength
 * alone (no interactions, no slope changes), as before either existed; {@code full} is the default.
 */
public final class Evaluator {

    /**
     * @param folds    outer cross-validation folds
     * @param seed     for the fold assignment (and the inner folds of the tuning)
     * @param tuning   how logistic regression's L2 strengths and interactions are chosen inside each training part
     * @param alpha    naive Bayes' Laplace smoothing
     * @param settings logistic regression's other settings
     */
    public record Options(int folds, long seed, ConversionTuning.Options tuning, double alpha,
                          LogisticRegression.Settings settings) {

        public static Options defaults() {
            return new Options(5, 42, ConversionTuning.Options.defaults(), 1.0, LogisticRegression.Settings.defaults());
        }

        public Options withFolds(int k) {
            return new Options(k, seed, tuning, alpha, settings);
        }

        public Options withSeed(long newSeed) {
            return new Options(folds, newSeed, tuning.withSeed(newSeed), alpha, settings);
        }

        public Options withTuning(ConversionTuning.Options newTuning) {
            return new Options(folds, seed, newTuning, alpha, settings);
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
                    ConversionTuning.Tuned tuned = ConversionTuning.train(spec, train, options.settings(),
                            options.tuning(), Instant.EPOCH);
                    notes.add(tuned.summary());
                    return tuned.model();
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
        double trainFirst = Double.NaN;
        Options options = Options.defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mapping" -> mapping = LeadMapping.read(Path.of(args[i + 1]));
                case "--data" -> data = Path.of(args[i + 1]);
                case "--train" -> train = Path.of(args[i + 1]);
                case "--test" -> test = Path.of(args[i + 1]);
                case "--train-first" -> trainFirst = Double.parseDouble(args[i + 1]);
                case "--folds" -> options = options.withFolds(Integer.parseInt(args[i + 1]));
                case "--seed" -> options = options.withSeed(Long.parseLong(args[i + 1]));
                case "--tuning" -> options = options.withTuning(switch (args[i + 1]) {
                    case "l2" -> options.tuning().l2Only();
                    case "full" -> options.tuning();
                    default -> throw new IllegalArgumentException("--tuning is full or l2, not " + args[i + 1]);
                });
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (mapping == null) {
            mapping = LeadMapping.resource("leadflow/scoring/xeducation-mapping.json");
        }
        Report report;
        if (data != null && !Double.isNaN(trainFirst)) {
            List<Outcome> all = LeadCsv.read(data, mapping);
            int cut = (int) Math.round(all.size() * trainFirst);
            if (cut < 1 || cut >= all.size()) {
                throw new IllegalArgumentException("--train-first must leave leads on both sides: " + trainFirst);
            }
            report = trainTest(mapping, all.subList(0, cut), all.subList(cut, all.size()), options);
        } else if (data != null) {
            report = crossValidate(mapping, LeadCsv.read(data, mapping), options);
        } else if (train != null && test != null) {
            report = trainTest(mapping, LeadCsv.read(train, mapping), LeadCsv.read(test, mapping), options);
        } else {
            System.err.println("usage: Evaluator [--mapping m.json] [--seed 42] [--tuning full|l2] (--data leads.csv"
                    + " [--folds 5 | --train-first 0.8] | --train a.csv --test b.csv)");
            System.exit(2);
            return;
        }
        System.out.print(report.format());
    }
}
