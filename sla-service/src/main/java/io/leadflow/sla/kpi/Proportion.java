package io.leadflow.sla.kpi;

/**
 * A conversion rate with its 95 % confidence interval, and the difference of two rates with theirs, so RevOps can
 * tell a real change from noise. Wilson's score interval for one rate (sound for small samples and rates near 0 or
 * 1); for a difference, Newcombe's hybrid score interval built from the two Wilson intervals. Pure.
 */
public record Proportion(long successes, long trials, Double rate, double[] ci95) {

    static final double Z95 = 1.959963984540054;

    public static Proportion of(long successes, long trials) {
        if (trials <= 0) {
            return new Proportion(successes, 0, null, null);
        }
        double p = (double) successes / trials;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Proportion(successes, trials, round(p), new double[]{round(Math.max(0, centre - half)),
                round(Math.min(1, centre + half))});
    }

    /** The difference {@code b - a} of two rates with its 95 % interval; null when either has no trials. */
    public static Difference difference(Proportion a, Proportion b) {
        if (a.rate == null || b.rate == null) {
            return null;
        }
        double d = b.rate - a.rate;
        double lower = d - Math.sqrt(Math.pow(b.rate - b.ci95[0], 2) + Math.pow(a.ci95[1] - a.rate, 2));
        double upper = d + Math.sqrt(Math.pow(b.ci95[1] - b.rate, 2) + Math.pow(a.rate - a.ci95[0], 2));
        return new Difference(round(d), new double[]{round(lower), round(upper)}, lower > 0 || upper < 0);
    }

    /** A difference of rates, its 95 % interval, and whether the interval excludes zero. */
    public record Difference(double difference, double[] ci95, boolean significant) {
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
