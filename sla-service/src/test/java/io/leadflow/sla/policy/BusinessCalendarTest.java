package io.leadflow.sla.policy;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Monday to Friday 09:00-12:00 and 13:00-17:00 in London, Christmas off, a closure the week after. */
    private static BusinessCalendar office() {
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new BusinessCalendar.Hours(LocalTime.of(13, 0), LocalTime.of(17, 0)),
                    new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(12, 0))));
        }
        return new BusinessCalendar("office", LONDON, week, Set.of(LocalDate.of(2026, 12, 25)),
                List.of(new BusinessCalendar.Closure(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 31), "year end")));
    }

    private static Instant london(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Test
    void workingTimeWithinOneSpanEndsInIt() {
        assertThat(office().plusWorkingTime(london("2026-11-23T09:30"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-23T10:30"));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(office().plusWorkingTime(london("2026-11-23T11:30"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-23T13:30"));
    }

    @Test
    void aFridayEveningLeadIsDueOnMondayMorning() {
        assertThat(office().plusWorkingTime(london("2026-11-27T19:00"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-30T10:00"));
    }

    @Test
    void holidaysAndClosuresAreSkipped() {
        // Thursday 24 December 16:30: half an hour that day, then Christmas, the weekend and the closure.
        assertThat(office().plusWorkingTime(london("2026-12-24T16:30"), Duration.ofHours(1)))
                .isEqualTo(london("2027-01-01T09:30"));
        assertThat(office().isOpen(london("2026-12-29T10:00"))).isFalse();
        assertThat(office().isOpen(london("2026-12-24T10:00"))).isTrue();
    }

    @Test
    void aWorkingDayIsSevenHoursAcrossADaylightSavingChange() {
        // Sunday 29 March 2026 the clocks go forward in London; Monday's hours are still 09:00-17:00 wall time.
        Instant friday = london("2026-03-27T17:00");
        assertThat(office().plusWorkingTime(friday, Duration.ofHours(7))).isEqualTo(london("2026-03-30T17:00"));
        assertThat(office().workingTimeBetween(friday, london("2026-03-30T17:00"))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void workingTimeBetweenIsTheInverseOfPlus() {
        BusinessCalendar office = office();
        Instant start = london("2026-11-20T16:10");
        for (int minutes : new int[]{1, 50, 51, 300, 421, 2000}) {
            Instant end = office.plusWorkingTime(start, Duration.ofMinutes(minutes));
            assertThat(office.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void zeroWorkingTimeOutsideHoursIsTheNextOpening() {
        assertThat(office().plusWorkingTime(london("2026-11-21T12:00"), Duration.ZERO))
                .isEqualTo(london("2026-11-23T09:00"));
    }

    @Test
    void overlappingHoursAreRefused() {
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = Map.of(DayOfWeek.MONDAY, List.of(
                new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new BusinessCalendar.Hours(LocalTime.of(11, 0), LocalTime.of(13, 0))));
        assertThatThrownBy(() -> new BusinessCalendar("x", LONDON, week, Set.of(), List.of()))
                .hasMessageContaining("overlap");
    }

    @Test
    void aCalendarClosedForeverHasNoDeadline() {
        BusinessCalendar closed = new BusinessCalendar("closed", LONDON,
                Map.of(DayOfWeek.MONDAY, List.of(new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)))),
                Set.of(), List.of(new BusinessCalendar.Closure(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1), "gone")));
        assertThatThrownBy(() -> closed.plusWorkingTime(london("2026-11-23T09:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
