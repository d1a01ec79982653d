package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.Availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How fairly a pool shared its leads over a period: per SDR, what they got against what they should
 * have got - by weight alone, and by weight times the time their schedule made them available
 * (working hours minus holidays minus out-of-office periods) - and the largest deviation. Pure.
 *
 * <p>Weights count only for {@link DistributionMethod#WEIGHTED_ROUND_ROBIN}; the other methods mean to
 * share equally, so every member counts as weight 1. The schedule is the SDR's current one: pauses and
 * earlier schedule changes are not history the roster keeps. Someone who got leads in the pool but is
 * no longer a member has an expected share of zero.
 */
public final class Fairness {

    /** One SDR of the report: a current member (with weight and schedule) or a former one (leads only). */
    public record Input(String sdrId, boolean member, int weight, Availability availability, long assigned) {

        public static Input member(String sdrId, int weight, Availability availability, long assigned) {
            return new Input(sdrId, true, weight, availability, assigned);
        }

        public static Input former(String sdrId, long assigned) {
            return new Input(sdrId, false, 0, Availability.always(), assigned);
        }
    }

    /** The report: the period, the pool's leads in it, a row per SDR (members by position first) and the largest deviation. */
    public record Report(Instant from, Instant to, DistributionMethod method, long assigned, List<Row> members,
                         Optional<Deviation> largestDeviation) {
    }

    /**
     * One SDR: {@code weight} as counted, hours available in the period, leads {@code assigned} and their
     * {@code share} of the pool's leads; the share and number of leads expected by weight alone, then by
     * weight and availability ({@code expectedShare}, {@code expected}); {@code deviation} = assigned -
     * expected (leads) and {@code deviationShare} = share - expectedShare. Leads to 0.01, shares to 0.0001.
     */
    public record Row(String sdrId, boolean member, int weight, double availableHours, long assigned, double share,
                      double expectedShareByWeight, double expectedByWeight, double expectedShare, double expected,
                      double deviation, double deviationShare) {
    }

    /** The SDR furthest from their expected number of leads (by weight and availability), either way. */
    public record Deviation(String sdrId, double leads, double share) {
    }

    private Fairness() {
    }

    public static Report report(DistributionMethod method, Instant from, Instant to, List<Input> inputs) {
        long total = inputs.stream().mapToLong(Input::assigned).sum();
        double[] weights = new double[inputs.size()];
        double[] hours = new double[inputs.size()];
        double weightSum = 0;
        double weightedTime = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            weights[i] = !input.member() ? 0 : method == DistributionMethod.WEIGHTED_ROUND_ROBIN ? input.weight() : 1;
            hours[i] = input.member() ? input.availability().availableTime(from, to).toMillis() / 3_600_000.0 : 0;
            weightSum += weights[i];
            weightedTime += weights[i] * hours[i];
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            double shareByWeight = weightSum == 0 ? 0 : weights[i] / weightSum;
            double expectedShare = weightedTime == 0 ? 0 : weights[i] * hours[i] / weightedTime;
            double share = total == 0 ? 0 : (double) input.assigned() / total;
            double expected = expectedShare * total;
            rows.add(new Row(input.sdrId(), input.member(), (int) weights[i], round(hours[i], 100), input.assigned(),
                    round(share, 10_000), round(shareByWeight, 10_000), round(shareByWeight * total, 100),
                    round(expectedShare, 10_000), round(expected, 100), round(input.assigned() - expected, 100),
                    round(share - expectedShare, 10_000)));
        }
        Optional<Deviation> largest = rows.stream()
                .max(Comparator.comparingDouble((Row row) -> Math.abs(row.deviation()))
                        .thenComparing(Row::sdrId, Comparator.reverseOrder()))
                .map(row -> new Deviation(row.sdrId(), row.deviation(), row.deviationShare()));
        return new Report(from, to, method, total, rows, largest);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
