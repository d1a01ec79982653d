package io.leadflow.sla.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a team works: opening hours per weekday in its time zone, minus public holidays and closures. A policy
 * whose clock pauses outside business hours counts its deadlines in this calendar's working time, so a lead
 * captured on Friday evening with a one-hour promise is due at Monday 10:00, not Friday 19:00.
 *
 * <p>Hours are wall-clock times of the zone: on a daylight-saving day an 09:00-17:00 day is still 09:00-17:00
 * (it has 8 working hours either way; only the night is shorter or longer).
 */
public record BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays,
                               List<Closure> closures) {

    /** How far ahead a deadline may be looked for: a calendar closed for longer than this is a mistake. */
    static final int MAX_DAYS_AHEAD = 800;

    /** Open from {@code from} until {@code to} (exclusive) on one day; {@code to} = 24:00 is written as LocalTime.MAX. */
    public record Hours(LocalTime from, LocalTime to) {
        public Hours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("opening hours must end after they start: " + from + "-" + to);
            }
        }
    }

    /** Closed on every day from {@code from} to {@code to}, both included (an office move, a company retreat). */
    public record Closure(LocalDate from, LocalDate to, String reason) {
        public Closure {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a closure must end on or after its first day");
            }
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    public BusinessCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            List<Hours> sorted = new ArrayList<>(hours);
            sorted.sort(Comparator.comparing(Hours::from));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                    throw new IllegalArgumentException("opening hours overlap on " + day);
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs opening hours on at least one weekday");
        }
        week = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
        closures = List.copyOf(closures);
    }

    /** The opening hours of one calendar day: none on a holiday, in a closure or on a weekday without hours. */
    public List<Hours> hoursOn(LocalDate day) {
        if (holidays.contains(day) || closures.stream().anyMatch(closure -> closure.covers(day))) {
            return List.of();
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** Whether the team is at work at that instant. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return hoursOn(local.toLocalDate()).stream()
                .anyMatch(hours -> !time.isBefore(hours.from()) && (hours.to() == LocalTime.MAX || time.isBefore(hours.to())));
    }

    /**
     * The instant at which {@code working} of working time has passed since {@code start}: the deadline of a
     * paused clock. Time before the first opening and outside hours does not count. A zero duration answers the
     * start itself (or the next opening when closed, since nothing counts before it).
     */
    public Instant plusWorkingTime(Instant start, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + working);
        }
        long remaining = working.toNanos();
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant open = max(start, day.atTime(hours.from()).atZone(zone).toInstant());
                Instant close = closingOf(day, hours);
                if (!open.isBefore(close)) {
                    continue;
                }
                long available = Duration.between(open, close).toNanos();
                if (remaining <= available) {
                    return open.plusNanos(remaining);
                }
                remaining -= available;
            }
        }
        throw new IllegalStateException("calendar " + id + " has no " + working + " of working time within "
                + MAX_DAYS_AHEAD + " days of " + start);
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long nanos = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant open = max(from, day.atTime(hours.from()).atZone(zone).toInstant());
                Instant close = min(to, closingOf(day, hours));
                if (open.isBefore(close)) {
                    nanos += Duration.between(open, close).toNanos();
                }
            }
        }
        return Duration.ofNanos(nanos);
    }

    private Instant closingOf(LocalDate day, Hours hours) {
        return hours.to() == LocalTime.MAX
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(hours.to()).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
