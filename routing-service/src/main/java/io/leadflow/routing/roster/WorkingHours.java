package io.leadflow.routing.roster;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shifts an SDR works on each weekday, in their own time zone; several shifts a day are allowed
 * (a lunch break), and a shift may cross midnight into the next day. A weekday without shifts is a
 * day off. {@link #always()} is the default for an SDR nobody gave working hours: every instant is
 * working time.
 */
public final class WorkingHours {

    private static final WorkingHours ALWAYS = new WorkingHours(null);

    private final Map<DayOfWeek, List<Shift>> shifts;
    /** Per weekday (Monday = 0) the shifts as start/end second pairs after that day's local midnight. */
    private final int[][] seconds;
    /** Per weekday, the shifts of that day that end on the next day (start/end pairs as above). */
    private final int[][] overnight;

    private WorkingHours(Map<DayOfWeek, List<Shift>> shifts) {
        if (shifts == null) {
            this.shifts = null;
            this.seconds = null;
            this.overnight = null;
            return;
        }
        Map<DayOfWeek, List<Shift>> copy = new EnumMap<>(DayOfWeek.class);
        shifts.forEach((day, list) -> {
            if (day == null || list == null || list.stream().anyMatch(shift -> shift == null)) {
                throw new IllegalArgumentException("working hours need a weekday and shifts");
            }
            if (!list.isEmpty()) {
                List<Shift> sorted = new ArrayList<>(list);
                sorted.sort(Comparator.comparing(Shift::start));
                copy.put(day, List.copyOf(sorted));
            }
        });
        this.shifts = Collections.unmodifiableMap(copy);
        this.seconds = new int[7][];
        this.overnight = new int[7][];
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Shift> list = copy.getOrDefault(day, List.of());
            seconds[day.ordinal()] = pairs(list);
            overnight[day.ordinal()] = pairs(list.stream().filter(Shift::crossesMidnight).toList());
        }
    }

    private static int[] pairs(List<Shift> list) {
        int[] pairs = new int[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            pairs[2 * i] = list.get(i).startSecond();
            pairs[2 * i + 1] = list.get(i).endSecond();
        }
        return pairs;
    }

    /** Works around the clock, every day (no working hours set). */
    public static WorkingHours always() {
        return ALWAYS;
    }

    /** These shifts per weekday; a weekday not in the map (or with no shifts) is a day off. */
    public static WorkingHours of(Map<DayOfWeek, List<Shift>> shifts) {
        if (shifts == null) {
            throw new IllegalArgumentException("no shifts given; use WorkingHours.always()");
        }
        return new WorkingHours(shifts);
    }

    public boolean isAlways() {
        return shifts == null;
    }

    /** The shifts per weekday (days off absent); empty for {@link #always()}. */
    public Map<DayOfWeek, List<Shift>> shifts() {
        return shifts == null ? Map.of() : shifts;
    }

    /** The shifts that start on the weekday, by start time. */
    public List<Shift> on(DayOfWeek day) {
        return shifts == null ? List.of() : shifts.getOrDefault(day, List.of());
    }

    /**
     * Whether a local weekday (Monday = 0) and second of the day falls in a shift: one of that day's, or one of the
     * previous day's that crosses midnight. Wall-clock arithmetic: exact whenever the zone's offset is the
     * same throughout the day before and the day itself (see {@link Availability}).
     */
    boolean covers(int weekday, int secondOfDay) {
        if (shifts == null) {
            return true;
        }
        int[] today = seconds[weekday];
        for (int i = 0; i < today.length; i += 2) {
            if (secondOfDay >= today[i] && secondOfDay < today[i + 1]) {
                return true;
            }
        }
        int[] yesterday = overnight[weekday == 0 ? 6 : weekday - 1];
        int late = secondOfDay + Shift.DAY_SECONDS;
        for (int i = 0; i < yesterday.length; i += 2) {
            if (late < yesterday[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Two shifts that overlap, by weekday and index in {@link #on(DayOfWeek)} order of the input lists. */
    public record Overlap(DayOfWeek day, int index, DayOfWeek otherDay, int otherIndex) {
    }

    /**
     * The first pair of shifts that cover the same time of the week (a Sunday night shift that runs into
     * Monday morning included), by the weekday and index each has in the given lists; empty if none.
     */
    public static Optional<Overlap> findOverlap(Map<DayOfWeek, List<Shift>> shifts) {
        record Span(DayOfWeek day, int index, long from, long to) {
        }
        long week = 7L * Shift.DAY_SECONDS;
        List<Span> spans = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Shift> list = shifts.getOrDefault(day, List.of());
            for (int i = 0; i < list.size(); i++) {
                long from = (long) day.ordinal() * Shift.DAY_SECONDS + list.get(i).startSecond();
                long to = (long) day.ordinal() * Shift.DAY_SECONDS + list.get(i).endSecond();
                if (to > week) { // Sunday into Monday: the part after the week's end wraps to its start
                    spans.add(new Span(day, i, from, week));
                    spans.add(new Span(day, i, 0, to - week));
                } else {
                    spans.add(new Span(day, i, from, to));
                }
            }
        }
        for (int a = 0; a < spans.size(); a++) {
            for (int b = a + 1; b < spans.size(); b++) {
                Span x = spans.get(a);
                Span y = spans.get(b);
                boolean same = x.day() == y.day() && x.index() == y.index();
                if (!same && x.from() < y.to() && y.from() < x.to()) {
                    return Optional.of(new Overlap(x.day(), x.index(), y.day(), y.index()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingHours hours && java.util.Objects.equals(shifts, hours.shifts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(shifts);
    }

    @Override
    public String toString() {
        return shifts == null ? "always" : shifts.toString();
    }
}
