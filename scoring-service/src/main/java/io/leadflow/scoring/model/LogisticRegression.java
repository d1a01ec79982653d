package io.leadflow.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * L2-regularised logistic regression: log-odds = intercept + Σ weight × feature.
 * <p>
 * Batch training minimises {@code Σ log-loss + l2/2 · |weights|²} (intercept unpenalised) by
 * Newton's method with a backtracking line search: exact to the tolerance, no learning rate to
 * tune, and deterministic. The problem is small (hundreds of features) so the dense Hessian is
 * cheap. {@link #update} then takes one stochastic-gradient step per outcome arriving, from the
 * current weights, on the same objective spread over the outcomes seen.
 */
public final class LogisticRegression implements ConversionModel {

    public static final String KIND = "logistic-regression";

    /**
     * @param l2            strength of the penalty on the attributes' own weights (not the intercept), in
     *                      log-loss units summed over outcomes
     * @param interactionL2 strength of the penalty on interaction weights: usually stronger, as each one
     *                      rests on the leads of one combination of two levels
     * @param learningRate  step size of {@link #update}
     * @param maxIterations Newton iterations at most
     * @param tolerance     training stops when no parameter moves more than this
     */
    public record Settings(double l2, double interactionL2, double learningRate, int maxIterations, double tolerance) {

        public Settings {
            if (l2 < 0 || interactionL2 < 0 || learningRate <= 0 || maxIterations < 1 || tolerance <= 0) {
                throw new IllegalArgumentException("invalid settings " + l2 + ", " + interactionL2 + ", "
                        + learningRate + ", " + maxIterations + ", " + tolerance);
            }
        }

        public static Settings defaults() {
            return new Settings(1.0, 10.0, 0.02, 100, 1e-8);
        }

        public Settings withL2(double newL2) {
            return new Settings(newL2, interactionL2, learningRate, maxIterations, tolerance);
        }

        public Settings withInteractionL2(double newL2) {
            return new Settings(l2, newL2, learningRate, maxIterations, tolerance);
        }

        public Settings withLearningRate(double rate) {
            return new Settings(l2, interactionL2, rate, maxIterations, tolerance);
        }

        /** The penalty on each feature's weight: {@code l2} for the attributes' own, {@code interactionL2} after. */
        double[] penalties(Features features) {
            double[] penalty = new double[features.size()];
            for (int j = 0; j < penalty.length; j++) {
                penalty[j] = j < features.attributeFeatures() ? l2 : interactionL2;
            }
            return penalty;
        }
    }

    private final Features features;
    private final double intercept;
    private final double[] weights;
    private final Settings settings;
    private final ModelInfo info;

    private LogisticRegression(Features features, double intercept, double[] weights, Settings settings, ModelInfo info) {
        if (weights.length != features.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + features.size() + " features");
        }
        this.features = features;
        this.intercept = intercept;
        this.weights = weights;
        this.settings = settings;
        this.info = info;
    }

    /** A stored model, as written by {@link ModelJson}. */
    public static LogisticRegression of(Features features, double intercept, double[] weights, Settings settings,
                                        ModelInfo info) {
        return new LogisticRegression(features, intercept, weights.clone(), settings, info);
    }

    /** All weights zero and the intercept at log-odds 0: the start of purely incremental learning. */
    public static LogisticRegression untrained(Features features, Settings settings, Instant at) {
        return new LogisticRegression(features, 0, new double[features.size()], settings,
                new ModelInfo(KIND, at, 0, 0, 0, hyperParameters(settings, features, null)));
    }

    /** Learns the features from the outcomes, then the weights. */
    public static LogisticRegression train(FeatureSpec spec, List<Outcome> outcomes, Settings settings, Instant trainedAt) {
        Features features = Features.learn(spec, outcomes.stream().map(Outcome::lead).toList());
        return train(features, spec, outcomes, settings, trainedAt);
    }

    /** Learns the weights for given features. */
    public static LogisticRegression train(Features features, List<Outcome> outcomes, Settings settings, Instant trainedAt) {
        return train(features, null, outcomes, settings, trainedAt);
    }

    /** Learns the weights for given features, recording the spec's settings with the model. */
    static LogisticRegression train(Features features, FeatureSpec spec, List<Outcome> outcomes,
                                    Settings settings, Instant trainedAt) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("no outcomes to learn from");
        }
        Design x = Design.of(features, outcomes);
        double[] beta = newton(x, settings.penalties(features), settings);
        int won = (int) outcomes.stream().filter(Outcome::won).count();
        ModelInfo info = new ModelInfo(KIND, trainedAt, outcomes.size(), won, 0, hyperParameters(settings, features, spec));
        double[] w = java.util.Arrays.copyOf(beta, features.size());
        return new LogisticRegression(features, beta[features.size()], w, settings, info);
    }

    /**
     * One online gradient step on an outcome just closed, starting from the current weights. The
     * penalty is spread over the outcomes seen ({@code l2 / outcomes} per step, {@code interactionL2}
     * for interaction weights) so that repeated passes aim at the same optimum as batch training.
     * Returns the updated model.
     */
    public LogisticRegression update(Map<String, ?> lead, boolean won) {
        int[] index = new int[features.maxActive()];
        double[] value = new double[features.maxActive()];
        int n = features.encode(lead, index, value);
        double p = ConversionModel.sigmoid(intercept + dot(index, value, n, weights));
        double error = p - (won ? 1 : 0);
        double rate = settings.learningRate();
        double seen = Math.max(1, info.outcomes() + 1);
        double shrink = 1 - rate * settings.l2() / seen;
        double interactionShrink = 1 - rate * settings.interactionL2() / seen;
        int own = features.attributeFeatures();
        double[] next = new double[weights.length];
        for (int j = 0; j < next.length; j++) {
            next[j] = weights[j] * (j < own ? shrink : interactionShrink);
        }
        for (int k = 0; k < n; k++) {
            next[index[k]] -= rate * error * value[k];
        }
        return new LogisticRegression(features, intercept - rate * error, next, settings, info.plusOne(won));
    }

    @Override
    public double logOdds(Map<String, ?> lead) {
        return intercept + features.dot(lead, weights);
    }

    @Override
    public List<Factor> topFactors(Map<String, ?> lead, int n) {
        int[] index = new int[features.maxActive()];
        double[] value = new double[features.maxActive()];
        int active = features.encode(lead, index, value);
        // A slope change joins its measure's linear term, a few places back (encode writes an attribute's features together).
        int[] shown = new int[active];
        double[] contribution = new double[active];
        int m = 0;
        for (int k = 0; k < active; k++) {
            int target = features.shownAs(index[k]);
            int at = m - 1;
            while (target != index[k] && at >= 0 && shown[at] != target) {
                at--;
            }
            if (target == index[k] || at < 0) {
                at = m++;
                shown[at] = target;
            }
            contribution[at] += weights[index[k]] * value[k];
        }
        List<Factor> factors = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            if (contribution[k] != 0) {
                factors.add(new Factor(features.name(shown[k]), contribution[k]));
            }
        }
        return ConversionModel.largest(factors, n);
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public Settings settings() {
        return settings;
    }

    public double intercept() {
        return intercept;
    }

    /** The weights, indexed like {@link Features#name(int)}. */
    public double[] weights() {
        return weights.clone();
    }

    /** Each feature's weight by its readable name. */
    public Map<String, Double> weightsByFeature() {
        Map<String, Double> named = new java.util.LinkedHashMap<>();
        for (int j = 0; j < weights.length; j++) {
            named.put(features.name(j), weights[j]);
        }
        return named;
    }

    private static Map<String, Double> hyperParameters(Settings settings, Features features, FeatureSpec spec) {
        Map<String, Double> h = new HashMap<>();
        h.put("l2", settings.l2());
        h.put("learningRate", settings.learningRate());
        if (!features.interactions().isEmpty()) {
            h.put("interactionL2", settings.interactionL2());
            h.put("interactions", (double) features.interactions().size());
        }
        if (spec != null) {
            h.put("minCount", (double) spec.minCount());
            h.put("bins", (double) spec.bins());
            if (spec.slopeChanges()) {
                h.put("slopeChanges", 1.0);
            }
        }
        return h;
    }

    private static double dot(int[] index, double[] value, int n, double[] w) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += w[index[k]] * value[k];
        }
        return s;
    }

    // --- batch training -------------------------------------------------------------------------

    /** The encoded outcomes, sparse by row, each row's feature indices ascending (as {@link Features#encode} writes them). */
    record Design(int features, int[][] index, double[][] value, double[] label) {

        static Design of(Features features, List<Outcome> outcomes) {
            int rows = outcomes.size();
            int[][] index = new int[rows][];
            double[][] value = new double[rows][];
            double[] label = new double[rows];
            int[] i = new int[features.maxActive()];
            double[] v = new double[features.maxActive()];
            for (int r = 0; r < rows; r++) {
                int n = features.encode(outcomes.get(r).lead(), i, v);
                for (int k = 1; k < n; k++) {
                    if (i[k] <= i[k - 1]) {
                        throw new IllegalStateException("features must be encoded in ascending index order");
                    }
                }
                index[r] = java.util.Arrays.copyOf(i, n);
                value[r] = java.util.Arrays.copyOf(v, n);
                label[r] = outcomes.get(r).won() ? 1 : 0;
            }
            return new Design(features.size(), index, value, label);
        }
    }

    /** Newton-Raphson on the penalised log-likelihood, {@code penalty} per weight; the last parameter is the intercept. */
    static double[] newton(Design x, double[] penalty, Settings settings) {
        int d = x.features();
        int dim = d + 1;
        double[] beta = new double[dim];
        double rate = 0;
        for (double y : x.label()) {
            rate += y;
        }
        rate = (rate + 0.5) / (x.label().length + 1);
        beta[d] = Math.log(rate / (1 - rate));
        double loss = objective(x, beta, penalty);
        for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
            double[] gradient = new double[dim];
            double[][] hessian = new double[dim][dim];
            for (int r = 0; r < x.label().length; r++) {
                int[] idx = x.index()[r];
                double[] val = x.value()[r];
                double p = ConversionModel.sigmoid(margin(beta, idx, val, d));
                double residual = p - x.label()[r];
                double s = Math.max(p * (1 - p), 1e-12);
                // Only the lower triangle: Cholesky reads no more, and a row's indices ascend (see Design).
                double[] interceptRow = hessian[d];
                for (int a = 0; a < idx.length; a++) {
                    gradient[idx[a]] += residual * val[a];
                    double sa = s * val[a];
                    double[] row = hessian[idx[a]];
                    for (int b = 0; b <= a; b++) {
                        row[idx[b]] += sa * val[b];
                    }
                    interceptRow[idx[a]] += sa;
                }
                gradient[d] += residual;
                hessian[d][d] += s;
            }
            for (int a = 0; a < d; a++) {
                gradient[a] += penalty[a] * beta[a];
                hessian[a][a] += penalty[a];
            }
            // A pinch of ridge keeps the Cholesky factorisation defined when l2 is 0 and a feature never fires.
            for (int a = 0; a < dim; a++) {
                hessian[a][a] += 1e-9;
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double t = 1;
            double[] next = new double[dim];
            double nextLoss;
            while (true) {
                for (int a = 0; a < dim; a++) {
                    next[a] = beta[a] - t * step[a];
                }
                nextLoss = objective(x, next, penalty);
                if (nextLoss <= loss || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            double moved = 0;
            for (int a = 0; a < dim; a++) {
                moved = Math.max(moved, Math.abs(next[a] - beta[a]));
            }
            if (nextLoss > loss) {
                break; // no descent left: at the optimum to machine precision
            }
            beta = next.clone();
            loss = nextLoss;
            if (moved < settings.tolerance()) {
                break;
            }
        }
        return beta;
    }

    private static double objective(Design x, double[] beta, double[] penalty) {
        int d = x.features();
        double sum = 0;
        for (int r = 0; r < x.label().length; r++) {
            double z = margin(beta, x.index()[r], x.value()[r], d);
            // log(1 + e^z) - y z, written to stay finite for large |z|
            sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - x.label()[r] * z;
        }
        double penalised = 0;
        for (int a = 0; a < d; a++) {
            penalised += penalty[a] * beta[a] * beta[a];
        }
        return sum + 0.5 * penalised;
    }

    private static double margin(double[] beta, int[] idx, double[] val, int d) {
        double z = beta[d];
        for (int k = 0; k < idx.length; k++) {
            z += beta[idx[k]] * val[k];
        }
        return z;
    }
}
