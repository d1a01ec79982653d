package io.leadflow.routing.roster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShiftTest {

    @Test
    void parsesDayNightAndWholeDayShifts() {
        assertThat(Shift.parse("09:00-17:30")).isEqualTo(new Shift(LocalTime.of(9, 0), LocalTime.of(17, 30)));
        assertThat(Shift.parse("09:00-17:30").crossesMidnight()).isFalse();
        assertThat(Shift.parse("22:00-06:00").crossesMidnight()).isTrue();
        assertThat(Shift.parse("00:00-24:00").crossesMidnight()).isFalse();
        assertThat(Shift.parse("00:00-24:00").endSecond()).isEqualTo(86_400);
        assertThat(Shift.parse("18:00-24:00").toString()).isEqualTo("18:00-24:00");
        assertThat(Shift.parse("22:00-06:00").toString()).isEqualTo("22:00-06:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9:00-17:00", "09:00", "09:00-17:60", "24:00-06:00", "25:00-26:00", "09:00-09:00",
            "09:00 - 17:00", "nine-five", ""})
    void refusesWhatIsNotAShift(String text) {
        assertThatThrownBy(() -> Shift.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsOverlappingShiftsTheSameDayAndAcrossMidnight() {
        assertThat(WorkingHours.findOverlap(Map.of(DayOfWeek.MONDAY,
                List.of(Shift.parse("09:00-12:00"), Shift.parse("13:00-17:00"))))).isEmpty();
        assertThat(WorkingHours.findOverlap(Map.of(DayOfWeek.MONDAY,
                List.of(Shift.parse("09:00-12:00"), Shift.parse("11:00-17:00")))))
                .contains(new WorkingHours.Overlap(DayOfWeek.MONDAY, 0, DayOfWeek.MONDAY, 1));
        // Monday's night shift runs into Tuesday morning.
        assertThat(WorkingHours.findOverlap(Map.of(DayOfWeek.MONDAY, List.of(Shift.parse("22:00-06:00")),
                DayOfWeek.TUESDAY, List.of(Shift.parse("05:00-09:00"))))).isPresent();
        // Sunday's night shift runs into Monday morning (the week wraps).
        assertThat(WorkingHours.findOverlap(Map.of(DayOfWeek.SUNDAY, List.of(Shift.parse("22:00-06:00")),
                DayOfWeek.MONDAY, List.of(Shift.parse("05:30-09:00"))))).isPresent();
        assertThat(WorkingHours.findOverlap(Map.of(DayOfWeek.SUNDAY, List.of(Shift.parse("22:00-06:00")),
                DayOfWeek.MONDAY, List.of(Shift.parse("06:00-09:00"))))).isEmpty();
        assertThat(WorkingHours.findOverlap(Map.of(DayOfWeek.MONDAY, List.of(Shift.parse("00:00-24:00")),
                DayOfWeek.TUESDAY, List.of(Shift.parse("00:00-24:00"))))).isEmpty();
    }
}
