package io.leadflow.routing.roster;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.leadflow.routing.roster.AvailabilityTest.NEW_YORK;
import static io.leadflow.routing.roster.AvailabilityTest.PARIS;
import static io.leadflow.routing.roster.AvailabilityTest.at;
import static io.leadflow.routing.roster.AvailabilityTest.in;
import static io.leadflow.routing.roster.AvailabilityTest.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Around the clock changes: Europe/Paris springs forward on 2026-03-29 at 02:00 (to 03:00) and falls back
 * on 2026-10-25 at 03:00 (to 02:00); America/New_York springs forward on 2026-03-08 at 02:00 and falls
 * back on 2026-11-01 at 02:00 (to 01:00).
 */
class DaylightSavingTest {

    private static final WorkingHours NIGHTS = WorkingHours.of(Map.of(DayOfWeek.SATURDAY, List.of(Shift.parse("22:00-06:00"))));

    @Test
    void aParisNightShiftIsSevenHoursLongInSpringAndNineInAutumn() {
        Availability nights = in(PARIS, NIGHTS);
        // Saturday 28 March 22:00 CET = 21:00Z; Sunday 29 March 06:00 CEST = 04:00Z.
        assertThat(nights.unavailableAt(at("2026-03-28T20:59:59Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(nights.unavailableAt(at("2026-03-28T21:00:00Z"))).isNull();
        assertThat(nights.unavailableAt(at("2026-03-29T01:30:00Z"))).isNull(); // 03:30 CEST, after the jump
        assertThat(nights.unavailableAt(at("2026-03-29T03:59:59Z"))).isNull();
        assertThat(nights.unavailableAt(at("2026-03-29T04:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(nights.availableTime(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).isEqualTo(Duration.ofHours(7));
        // Saturday 24 October 22:00 CEST = 20:00Z; Sunday 25 October 06:00 CET = 05:00Z.
        assertThat(nights.unavailableAt(at("2026-10-24T19:59:59Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(nights.unavailableAt(at("2026-10-24T20:00:00Z"))).isNull();
        assertThat(nights.unavailableAt(at("2026-10-25T04:59:59Z"))).isNull();
        assertThat(nights.unavailableAt(at("2026-10-25T05:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(nights.availableTime(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).isEqualTo(Duration.ofHours(9));
        // An ordinary Saturday night: 8 hours.
        assertThat(nights.availableTime(at("2026-01-10T00:00:00Z"), at("2026-01-12T00:00:00Z"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aShiftStartingInTheSkippedHourStartsAtTheJumpAndOneInTheRepeatedHourAtItsFirstOccurrence() {
        Availability spring = in(PARIS, WorkingHours.of(Map.of(DayOfWeek.SUNDAY, List.of(Shift.parse("02:30-10:00")))));
        assertThat(spring.unavailableAt(at("2026-03-29T00:59:59Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // 01:59:59 CET
        assertThat(spring.unavailableAt(at("2026-03-29T01:00:00Z"))).isNull(); // 03:00 CEST
        assertThat(spring.nextAvailable(at("2026-03-28T12:00:00Z"))).contains(at("2026-03-29T01:00:00Z"));

        Availability autumn = in(PARIS, WorkingHours.of(Map.of(DayOfWeek.SUNDAY, List.of(Shift.parse("02:30-10:00")))));
        assertThat(autumn.unavailableAt(at("2026-10-25T00:29:59Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // 02:29:59 CEST
        assertThat(autumn.unavailableAt(at("2026-10-25T00:30:00Z"))).isNull(); // 02:30 CEST, the first one
        assertThat(autumn.unavailableAt(at("2026-10-25T01:15:00Z"))).isNull(); // 02:15 CET, the hour again
        assertThat(autumn.unavailableAt(at("2026-10-25T08:59:59Z"))).isNull(); // 09:59:59 CET
        assertThat(autumn.unavailableAt(at("2026-10-25T09:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void newYorkDayShiftsFollowTheClockAcrossBothChanges() {
        Availability newYork = in(NEW_YORK, weekdays("09:00-17:00"));
        // Friday 6 March, EST (UTC-5): 14:00Z-22:00Z. Monday 9 March, EDT (UTC-4): 13:00Z-21:00Z.
        assertThat(newYork.unavailableAt(at("2026-03-06T13:59:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(newYork.unavailableAt(at("2026-03-06T14:00:00Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-03-09T12:59:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(newYork.unavailableAt(at("2026-03-09T13:00:00Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-03-09T20:59:59Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-03-09T21:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(newYork.nextAvailable(at("2026-03-06T23:00:00Z"))).contains(at("2026-03-09T13:00:00Z"));
        // Friday 30 October EDT: 13:00Z; Monday 2 November EST: 14:00Z.
        assertThat(newYork.nextAvailable(at("2026-10-30T22:00:00Z"))).contains(at("2026-11-02T14:00:00Z"));
        assertThat(newYork.availableTime(at("2026-03-02T05:00:00Z"), at("2026-03-16T04:00:00Z"))).isEqualTo(Duration.ofHours(80));
    }

    @Test
    void theDailyCapDayIsTwentyThreeOrTwentyFiveHoursLongOnTheChangeDays() {
        Availability newYork = in(NEW_YORK, WorkingHours.always());
        assertThat(Duration.between(newYork.startOfLocalDay(at("2026-03-08T12:00:00Z")),
                newYork.startOfNextLocalDay(at("2026-03-08T12:00:00Z")))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(newYork.startOfLocalDay(at("2026-11-01T12:00:00Z")),
                newYork.startOfNextLocalDay(at("2026-11-01T12:00:00Z")))).isEqualTo(Duration.ofHours(25));
    }

    /** The fast wall-clock path and the exact path agree everywhere, around the changes and far from them. */
    @Test
    void everyInstantOfTheYearAgreesWithAZonedDateTimeReference() {
        Map<DayOfWeek, List<Shift>> shifts = Map.of(
                DayOfWeek.MONDAY, List.of(Shift.parse("08:00-12:00"), Shift.parse("13:00-17:00")),
                DayOfWeek.FRIDAY, List.of(Shift.parse("21:30-02:30")),
                DayOfWeek.SATURDAY, List.of(Shift.parse("01:45-03:15"), Shift.parse("22:00-00:45")),
                // Boundaries all through the hours the clocks change in (01:30 to 03:00 local).
                DayOfWeek.SUNDAY, List.of(Shift.parse("01:15-02:15"), Shift.parse("02:45-03:30"), Shift.parse("05:00-24:00")));
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 7, 14));
        Random random = new Random(6);
        for (ZoneId zone : List.of(PARIS, NEW_YORK, ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"))) {
            Availability availability = Availability.of(zone, WorkingHours.of(shifts), holidays, List.of(), true, false);
            for (int i = 0; i < 20_000; i++) {
                Instant instant = at("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(366L * 86_400) / 60 * 60);
                assertThat(availability.unavailableAt(instant)).as("%s at %s", zone, instant)
                        .isEqualTo(reference(zone, shifts, holidays, instant));
            }
            // Every 5 minutes from 3 days before to 3 days after each of the zone's clock changes in 2026.
            for (var change = zone.getRules().nextTransition(at("2026-01-01T00:00:00Z"));
                 change != null && change.getInstant().isBefore(at("2027-01-01T00:00:00Z"));
                 change = zone.getRules().nextTransition(change.getInstant())) {
                Instant from = change.getInstant().minus(Duration.ofDays(3));
                for (int minute = 0; minute < 6 * 24 * 60; minute += 5) {
                    Instant instant = from.plusSeconds(minute * 60L);
                    assertThat(availability.unavailableAt(instant)).as("%s at %s", zone, instant)
                            .isEqualTo(reference(zone, shifts, holidays, instant));
                    Instant next = availability.nextAvailable(instant).orElseThrow();
                    assertThat(availability.isAvailableAt(next)).as("%s next after %s", zone, instant).isTrue();
                    assertThat(next.equals(instant) || !availability.isAvailableAt(next.minusSeconds(1)))
                            .as("%s nothing earlier than %s", zone, next).isTrue();
                }
            }
        }
    }

    /** The documented rule, written the obvious way. */
    private static SkipReason reference(ZoneId zone, Map<DayOfWeek, List<Shift>> shifts, Set<LocalDate> holidays, Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        if (holidays.contains(date)) {
            return SkipReason.HOLIDAY;
        }
        for (LocalDate day = date.minusDays(2); !day.isAfter(date.plusDays(1)); day = day.plusDays(1)) {
            for (Shift shift : shifts.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = firstShown(day.atTime(shift.start()), zone);
                LocalDate endDay = shift.crossesMidnight() || shift.endSecond() == 86_400 ? day.plusDays(1) : day;
                Instant end = firstShown(endDay.atTime(shift.end()), zone);
                if (!at.isBefore(start) && at.isBefore(end)) {
                    return null;
                }
            }
        }
        return SkipReason.OUTSIDE_WORKING_HOURS;
    }

    private static Instant firstShown(LocalDateTime local, ZoneId zone) {
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null); // earlier offset in an overlap
        var transition = zone.getRules().getTransition(local);
        return transition != null && transition.isGap() ? transition.getInstant() : zoned.toInstant();
    }

    @Test
    void fixedOffsetZonesNeverTakeTheSlowPath() {
        Availability utc = in(ZoneOffset.UTC, weekdays("09:00-17:00"));
        assertThat(utc.unavailableAt(at("2026-03-09T09:00:00Z"))).isNull();
        assertThat(utc.unavailableAt(at("2026-03-09T17:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
    }
}
