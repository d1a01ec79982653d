package io.leadflow.routing.roster;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Working hours, holidays, out of office, pause and activity, in the SDR's own zone. */
class AvailabilityTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday to Friday with the given shifts each day. */
    static WorkingHours weekdays(String... shifts) {
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(shifts).stream().map(Shift::parse).toList());
        }
        return WorkingHours.of(days);
    }

    static Availability in(ZoneId zone, WorkingHours hours) {
        return Availability.of(zone, hours, Set.of(), List.of(), true, false);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void withoutWorkingHoursAnActiveSdrIsAlwaysAvailable() {
        assertThat(Availability.always().unavailableAt(at("2026-03-29T01:30:00Z"))).isNull();
        assertThat(Availability.always().nextAvailable(at("2026-03-29T01:30:00Z"))).contains(at("2026-03-29T01:30:00Z"));
    }

    @Test
    void shiftsAreInTheSdrsOwnZoneWithABreak() {
        Availability paris = in(PARIS, weekdays("09:00-12:00", "13:00-17:30")); // winter: UTC+1
        assertThat(paris.unavailableAt(at("2026-01-12T07:59:59Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // Mon 08:59
        assertThat(paris.unavailableAt(at("2026-01-12T08:00:00Z"))).isNull(); // 09:00
        assertThat(paris.unavailableAt(at("2026-01-12T11:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // lunch
        assertThat(paris.unavailableAt(at("2026-01-12T16:29:59Z"))).isNull(); // 17:29:59
        assertThat(paris.unavailableAt(at("2026-01-12T16:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // 17:30
        assertThat(paris.unavailableAt(at("2026-01-17T10:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // Saturday

        Availability newYork = in(NEW_YORK, weekdays("09:00-17:00")); // winter: UTC-5
        assertThat(newYork.unavailableAt(at("2026-01-12T13:59:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(newYork.unavailableAt(at("2026-01-12T14:00:00Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-01-12T21:59:00Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-01-12T22:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void aNightShiftCrossesMidnightIncludingSundayIntoMonday() {
        Availability nights = in(ZoneId.of("UTC"), WorkingHours.of(Map.of(
                DayOfWeek.FRIDAY, List.of(Shift.parse("22:00-06:00")),
                DayOfWeek.SUNDAY, List.of(Shift.parse("23:00-02:00")))));
        assertThat(nights.unavailableAt(at("2026-01-16T21:59:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(nights.unavailableAt(at("2026-01-16T22:00:00Z"))).isNull(); // Friday 22:00
        assertThat(nights.unavailableAt(at("2026-01-17T05:59:59Z"))).isNull(); // Saturday 05:59
        assertThat(nights.unavailableAt(at("2026-01-17T06:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(nights.unavailableAt(at("2026-01-15T23:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS); // Thursday
        assertThat(nights.unavailableAt(at("2026-01-18T23:30:00Z"))).isNull(); // Sunday 23:30
        assertThat(nights.unavailableAt(at("2026-01-19T01:59:00Z"))).isNull(); // Monday 01:59
        assertThat(nights.unavailableAt(at("2026-01-19T02:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void reasonsComeInOrderInactivePausedOutOfOfficeHolidayOutsideHours() {
        Instant christmasNight = at("2026-12-25T03:00:00Z"); // a Friday, 04:00 in Paris: outside 9-17 too
        OutOfOffice leave = new OutOfOffice(at("2026-12-20T00:00:00Z"), at("2027-01-04T00:00:00Z"));
        Availability all = Availability.of(PARIS, weekdays("09:00-17:00"), Set.of(LocalDate.of(2026, 12, 25)),
                List.of(leave), false, true);
        assertThat(all.unavailableAt(christmasNight)).isEqualTo(SkipReason.INACTIVE);
        assertThat(all.active(true).unavailableAt(christmasNight)).isEqualTo(SkipReason.PAUSED);
        assertThat(all.active(true).paused(false).unavailableAt(christmasNight)).isEqualTo(SkipReason.OUT_OF_OFFICE);
        Availability noLeave = Availability.of(PARIS, weekdays("09:00-17:00"), Set.of(LocalDate.of(2026, 12, 25)),
                List.of(), true, false);
        assertThat(noLeave.unavailableAt(christmasNight)).isEqualTo(SkipReason.HOLIDAY);
        assertThat(noLeave.unavailableAt(at("2026-12-24T03:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
        assertThat(noLeave.unavailableAt(at("2026-12-24T09:00:00Z"))).isNull();
    }

    @Test
    void aHolidayIsTheSdrsLocalDateAndAPeriodIsHalfOpen() {
        // 01:00 UTC on the 26th is still the 25th in New York.
        Availability newYork = Availability.of(NEW_YORK, WorkingHours.always(), Set.of(LocalDate.of(2026, 12, 25)),
                List.of(new OutOfOffice(at("2026-07-01T12:00:00Z"), at("2026-07-01T13:00:00Z"))), true, false);
        assertThat(newYork.unavailableAt(at("2026-12-26T01:00:00Z"))).isEqualTo(SkipReason.HOLIDAY);
        assertThat(newYork.unavailableAt(at("2026-12-25T04:59:59Z"))).isNull(); // 24th, 23:59:59 EST
        assertThat(newYork.unavailableAt(at("2026-12-26T05:00:00Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-07-01T11:59:59Z"))).isNull();
        assertThat(newYork.unavailableAt(at("2026-07-01T12:00:00Z"))).isEqualTo(SkipReason.OUT_OF_OFFICE);
        assertThat(newYork.unavailableAt(at("2026-07-01T13:00:00Z"))).isNull();
    }

    @Test
    void aNightShiftOnTheEveOfAHolidayStopsAtMidnight() {
        Availability nights = Availability.of(ZoneId.of("UTC"), WorkingHours.of(Map.of(
                DayOfWeek.THURSDAY, List.of(Shift.parse("22:00-06:00")))), Set.of(LocalDate.of(2026, 12, 25)), List.of(),
                true, false);
        assertThat(nights.unavailableAt(at("2026-12-24T23:00:00Z"))).isNull();
        assertThat(nights.unavailableAt(at("2026-12-25T01:00:00Z"))).isEqualTo(SkipReason.HOLIDAY);
        assertThat(nights.availableTime(at("2026-12-24T00:00:00Z"), at("2026-12-26T00:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theNextAvailableInstantSkipsNightsWeekendsHolidaysAndLeave() {
        Availability paris = in(PARIS, weekdays("09:00-17:00"));
        Instant fridayEvening = at("2026-01-16T17:00:00Z"); // 18:00 in Paris
        assertThat(paris.nextAvailable(fridayEvening)).contains(at("2026-01-19T08:00:00Z")); // Monday 09:00
        assertThat(paris.nextAvailable(at("2026-01-19T10:00:00Z"))).contains(at("2026-01-19T10:00:00Z")); // already

        Availability mondayOff = Availability.of(PARIS, weekdays("09:00-17:00"), Set.of(LocalDate.of(2026, 1, 19)),
                List.of(), true, false);
        assertThat(mondayOff.nextAvailable(fridayEvening)).contains(at("2026-01-20T08:00:00Z"));

        Availability back = Availability.of(PARIS, weekdays("09:00-17:00"), Set.of(LocalDate.of(2026, 1, 19)),
                List.of(new OutOfOffice(at("2026-01-15T00:00:00Z"), at("2026-01-20T11:00:00Z")),
                        new OutOfOffice(at("2026-01-20T10:00:00Z"), at("2026-01-20T11:30:00Z"))), true, false);
        assertThat(back.nextAvailable(fridayEvening)).contains(at("2026-01-20T11:30:00Z")); // overlapping periods

        assertThat(paris.paused(true).nextAvailable(fridayEvening)).isEmpty();
        assertThat(paris.active(false).nextAvailable(fridayEvening)).isEmpty();
        assertThat(in(PARIS, WorkingHours.of(Map.of())).nextAvailable(fridayEvening)).isEmpty();
        Availability foreverAway = Availability.of(PARIS, WorkingHours.always(), Set.of(),
                List.of(new OutOfOffice(fridayEvening, fridayEvening.plus(Duration.ofDays(5000)))), true, false);
        assertThat(foreverAway.nextAvailable(fridayEvening)).isEmpty();
    }

    @Test
    void availableTimeIsWorkingHoursMinusHolidaysMinusLeave() {
        Instant monday = at("2026-01-12T00:00:00Z");
        Instant nextMonday = at("2026-01-19T00:00:00Z");
        assertThat(in(PARIS, weekdays("09:00-17:00")).availableTime(monday, nextMonday)).isEqualTo(Duration.ofHours(40));
        Availability someOff = Availability.of(PARIS, weekdays("09:00-17:00"), Set.of(LocalDate.of(2026, 1, 14)),
                List.of(new OutOfOffice(at("2026-01-16T12:00:00Z"), at("2026-01-20T00:00:00Z"))), true, false);
        assertThat(someOff.availableTime(monday, nextMonday)).isEqualTo(Duration.ofHours(40 - 8 - 4));
        assertThat(Availability.always().availableTime(monday, nextMonday)).isEqualTo(Duration.ofDays(7));
        assertThat(Availability.always().availableTime(nextMonday, monday)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theLocalDayStartsAtTheSdrsMidnight() {
        Availability newYork = in(NEW_YORK, WorkingHours.always());
        assertThat(newYork.startOfLocalDay(at("2026-01-12T03:00:00Z"))).isEqualTo(at("2026-01-11T05:00:00Z"));
        assertThat(newYork.startOfNextLocalDay(at("2026-01-12T03:00:00Z"))).isEqualTo(at("2026-01-12T05:00:00Z"));
        assertThat(newYork.startOfLocalDay(at("2026-07-12T03:00:00Z"))).isEqualTo(at("2026-07-11T04:00:00Z"));
    }
}
