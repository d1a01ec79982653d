package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.OutOfOffice;
import io.leadflow.routing.roster.Shift;
import io.leadflow.routing.roster.WorkingHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FairnessTest {

    static final Instant MONDAY = Instant.parse("2026-01-12T00:00:00Z");
    static final Instant NEXT_MONDAY = Instant.parse("2026-01-19T00:00:00Z");

    static Availability hours(String shift, DayOfWeek... days) {
        Map<DayOfWeek, List<Shift>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            map.put(day, List.of(Shift.parse(shift)));
        }
        return Availability.of(ZoneOffset.UTC, WorkingHours.of(map), Set.of(), List.of(), true, false);
    }

    @Test
    void weightsThreeToOneWithThreeToOneLeadsIsFair() {
        Fairness.Report report = Fairness.report(DistributionMethod.WEIGHTED_ROUND_ROBIN, MONDAY, NEXT_MONDAY, List.of(
                Fairness.Input.member("a", 3, Availability.always(), 75),
                Fairness.Input.member("b", 1, Availability.always(), 25)));
        assertThat(report.assigned()).isEqualTo(100);
        assertThat(report.members()).extracting(Fairness.Row::expected).containsExactly(75.0, 25.0);
        assertThat(report.members()).extracting(Fairness.Row::expectedShareByWeight).containsExactly(0.75, 0.25);
        assertThat(report.members()).extracting(Fairness.Row::availableHours).containsExactly(168.0, 168.0);
        assertThat(report.largestDeviation().orElseThrow().leads()).isZero();
    }

    @Test
    void theExpectedShareFollowsWeightTimesAvailableTime() {
        DayOfWeek[] week = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};
        Availability fullTime = hours("09:00-17:00", week); // 40 h
        Availability partTime = hours("09:00-13:00", week); // 20 h
        Availability partTimeAway = Availability.of(ZoneOffset.UTC, partTime.workingHours(), Set.of(),
                List.of(new OutOfOffice(Instant.parse("2026-01-16T00:00:00Z"), NEXT_MONDAY)), true, false); // 16 h
        Fairness.Report report = Fairness.report(DistributionMethod.STRICT_ROUND_ROBIN, MONDAY, NEXT_MONDAY, List.of(
                Fairness.Input.member("full", 5, fullTime, 50),
                Fairness.Input.member("part", 1, partTime, 30),
                Fairness.Input.member("away", 1, partTimeAway, 10)));
        // Strict round robin shares equally: weights count as 1. 40 + 20 + 16 = 76 hours.
        assertThat(report.members()).extracting(Fairness.Row::weight).containsExactly(1, 1, 1);
        assertThat(report.members()).extracting(Fairness.Row::availableHours).containsExactly(40.0, 20.0, 16.0);
        assertThat(report.members()).extracting(Fairness.Row::expected).containsExactly(47.37, 23.68, 18.95);
        assertThat(report.members()).extracting(Fairness.Row::expectedByWeight).containsExactly(30.0, 30.0, 30.0);
        assertThat(report.members()).extracting(Fairness.Row::deviation).containsExactly(2.63, 6.32, -8.95);
        Fairness.Deviation largest = report.largestDeviation().orElseThrow();
        assertThat(largest.sdrId()).isEqualTo("away");
        assertThat(largest.leads()).isEqualTo(-8.95);
        assertThat(largest.share()).isEqualTo(-0.0994);
    }

    @Test
    void aFormerMemberCountsInTheTotalButIsExpectedNothing() {
        Fairness.Report report = Fairness.report(DistributionMethod.WEIGHTED_ROUND_ROBIN, MONDAY, NEXT_MONDAY, List.of(
                Fairness.Input.member("a", 1, Availability.always(), 6),
                Fairness.Input.former("gone", 4)));
        assertThat(report.assigned()).isEqualTo(10);
        assertThat(report.members()).extracting(Fairness.Row::expected).containsExactly(10.0, 0.0);
        assertThat(report.largestDeviation().orElseThrow().sdrId()).isEqualTo("a");
        assertThat(report.largestDeviation().orElseThrow().leads()).isEqualTo(-4.0);
    }

    @Test
    void anEmptyPoolOrPeriodReportsNothingUnfair() {
        assertThat(Fairness.report(DistributionMethod.LEAST_LOADED, MONDAY, NEXT_MONDAY, List.of()).largestDeviation()).isEmpty();
        Fairness.Report noLeads = Fairness.report(DistributionMethod.LEAST_LOADED, MONDAY, NEXT_MONDAY,
                List.of(Fairness.Input.member("a", 1, Availability.always(), 0)));
        assertThat(noLeads.members().get(0).share()).isZero();
        assertThat(noLeads.largestDeviation().orElseThrow().leads()).isZero();
    }
}
