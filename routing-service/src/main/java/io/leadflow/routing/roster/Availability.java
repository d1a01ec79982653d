package io.leadflow.routing.roster;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When an SDR can take a lead: their IANA time zone, working hours (shifts per weekday in that zone),
 * holidays (whole local dates), out-of-office periods (instant ranges), a manual pause and whether they
 * are on the roster at all. Pure and immutable.
 *
 * <p>Time rules, DST included:
 * <ul>
 *   <li>A shift on local date D runs from the instant the SDR's clock first shows its start on D to the
 *       instant it first shows its end (on D, or D+1 for a shift that crosses midnight). A start or end
 *       that the clock skips (spring forward) is the moment of the jump; one that it shows twice (fall
 *       back) is its first occurrence. So a 09:00-17:00 shift is 8 hours of real time on an ordinary day,
 *       and a 22:00-06:00 night shift is 7 hours on the spring-forward night and 9 hours on the
 *       fall-back night in Europe/Paris.</li>
 *   <li>A holiday is every instant whose local date (in the SDR's zone) is that date: a night shift that
 *       starts on the eve of a holiday works until midnight and stops there.</li>
 *   <li>An out-of-office period covers {@code [from, until)}.</li>
 * </ul>
 */
public final class Availability {

    /** How far {@link #nextAvailable} looks ahead before it gives up. */
    public static final Duration HORIZON = Duration.ofDays(3 * 366);

    private static final Availability ALWAYS = of(ZoneOffset.UTC, WorkingHours.always(), Set.of(), List.of(), true, false);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final WorkingHours workingHours;
    private final Set<LocalDate> holidays;
    private final long[] holidayDays;
    private final List<OutOfOffice> outOfOffice;
    private final OutOfOffice[] periods;
    private final boolean active;
    private final boolean paused;

    private Availability(ZoneId zone, WorkingHours workingHours, Set<LocalDate> holidays,
                         List<OutOfOffice> outOfOffice, boolean active, boolean paused) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.workingHours = workingHours;
        this.holidays = holidays;
        this.holidayDays = holidays.stream().mapToLong(LocalDate::toEpochDay).toArray();
        this.outOfOffice = outOfOffice;
        this.periods = outOfOffice.toArray(OutOfOffice[]::new);
        this.active = active;
        this.paused = paused;
    }

    /** Active, not paused, in UTC, working around the clock, no holidays, never out of office: the default. */
    public static Availability always() {
        return ALWAYS;
    }

    public static Availability of(ZoneId zone, WorkingHours workingHours, Collection<LocalDate> holidays,
                                  Collection<OutOfOffice> outOfOffice, boolean active, boolean paused) {
        if (zone == null || workingHours == null || holidays == null || outOfOffice == null) {
            throw new IllegalArgumentException("zone, working hours, holidays and out-of-office periods are required");
        }
        List<OutOfOffice> periods = new ArrayList<>(outOfOffice);
        periods.sort(Comparator.comparing(OutOfOffice::from));
        return new Availability(zone, workingHours, java.util.Collections.unmodifiableSet(new TreeSet<>(holidays)),
                List.copyOf(periods), active, paused);
    }

    public Availability paused(boolean pausedNow) {
        return new Availability(zone, workingHours, holidays, outOfOffice, active, pausedNow);
    }

    public Availability active(boolean activeNow) {
        return new Availability(zone, workingHours, holidays, outOfOffice, activeNow, paused);
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingHours workingHours() {
        return workingHours;
    }

    /** The holidays, in date order. */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The out-of-office periods, by start. */
    public List<OutOfOffice> outOfOffice() {
        return outOfOffice;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Why the SDR cannot take a lead at the instant, checked in the order inactive, paused, out of office,
     * holiday, outside working hours; null when they can. Allocation-free on the common path.
     */
    public SkipReason unavailableAt(Instant at) {
        if (!active) {
            return SkipReason.INACTIVE;
        }
        if (paused) {
            return SkipReason.PAUSED;
        }
        for (OutOfOffice period : periods) {
            if (period.covers(at)) {
                return SkipReason.OUT_OF_OFFICE;
            }
        }
        long epochSecond = at.getEpochSecond();
        int offset = ZoneClock.steadyOffset(zone, rules, epochSecond);
        if (offset == ZoneClock.UNSTEADY) {
            return unavailableNearTransition(at);
        }
        long local = epochSecond + offset;
        long day = Math.floorDiv(local, Shift.DAY_SECONDS);
        if (holidayDays.length > 0 && java.util.Arrays.binarySearch(holidayDays, day) >= 0) {
            return SkipReason.HOLIDAY;
        }
        int weekday = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday (Monday = 0)
        return workingHours.covers(weekday, (int) Math.floorMod(local, Shift.DAY_SECONDS))
                ? null : SkipReason.OUTSIDE_WORKING_HOURS;
    }

    /** {@link #unavailableAt}'s holiday and working-hours checks with exact instants, for the days around a DST change. */
    private SkipReason unavailableNearTransition(Instant at) {
        LocalDate date = localDate(at);
        if (holidays.contains(date)) {
            return SkipReason.HOLIDAY;
        }
        if (workingHours.isAlways()) {
            return null;
        }
        for (Instant[] shift : shifts(date.minusDays(2), date.plusDays(1))) {
            if (!at.isBefore(shift[0]) && at.isBefore(shift[1])) {
                return null;
            }
        }
        return SkipReason.OUTSIDE_WORKING_HOURS;
    }

    public boolean isAvailableAt(Instant at) {
        return unavailableAt(at) == null;
    }

    /**
     * The first instant at or after {@code from} at which the SDR can take a lead: the end of an
     * out-of-office period, the day after a holiday, the start of a shift. Empty when only a person can
     * change it (inactive, paused), when no working hours are set on any day, or beyond {@link #HORIZON}.
     */
    public Optional<Instant> nextAvailable(Instant from) {
        if (!active || paused) {
            return Optional.empty();
        }
        Instant horizon = from.plus(HORIZON);
        Instant at = from;
        while (at.isBefore(horizon)) {
            Instant back = backFromLeave(at);
            if (back != null) {
                at = back;
                continue;
            }
            LocalDate date = localDate(at);
            if (holidays.contains(date)) {
                at = after(at, startOf(date.plusDays(1)));
                continue;
            }
            Instant working = workingAtOrAfter(at);
            if (working == null) {
                return Optional.empty();
            }
            if (working.isAfter(at)) {
                at = working;
                continue;
            }
            return Optional.of(at);
        }
        return Optional.empty();
    }

    /** The end of the out-of-office period covering the instant (the latest of overlapping ones), or null. */
    private Instant backFromLeave(Instant at) {
        Instant back = null;
        for (OutOfOffice period : periods) {
            if (period.covers(at) && (back == null || period.until().isAfter(back))) {
                back = period.until();
            }
        }
        return back;
    }

    /** The instant itself if a shift covers it, else the start of the next shift; null if there are no shifts at all. */
    private Instant workingAtOrAfter(Instant at) {
        if (workingHours.isAlways()) {
            return at;
        }
        LocalDate date = localDate(at);
        Instant earliest = null;
        for (Instant[] shift : shifts(date.minusDays(2), date.plusDays(8))) {
            if (shift[1].isAfter(at)) {
                Instant start = shift[0].isAfter(at) ? shift[0] : at;
                if (earliest == null || start.isBefore(earliest)) {
                    earliest = start;
                }
            }
        }
        return earliest;
    }

    /** Guards a jump against zones whose clock goes back across midnight: the jump always moves forward. */
    private static Instant after(Instant at, Instant candidate) {
        return candidate.isAfter(at) ? candidate : at.plus(1, ChronoUnit.MINUTES);
    }

    /**
     * How long the SDR's schedule made them available within {@code [from, to)}: working hours minus
     * holidays minus out-of-office periods. The pause and the active flag are states of the moment, not
     * history, and are not counted. Used by the fairness report.
     */
    public Duration availableTime(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        List<long[]> working = new ArrayList<>();
        if (workingHours.isAlways()) {
            working.add(new long[] {from.toEpochMilli(), to.toEpochMilli()});
        } else {
            for (Instant[] shift : shifts(localDate(from).minusDays(2), localDate(to).plusDays(1))) {
                working.add(new long[] {shift[0].toEpochMilli(), shift[1].toEpochMilli()});
            }
        }
        List<long[]> blocked = new ArrayList<>();
        LocalDate firstDay = localDate(from).minusDays(1);
        LocalDate lastDay = localDate(to).plusDays(1);
        for (LocalDate holiday : holidays) {
            if (!holiday.isBefore(firstDay) && !holiday.isAfter(lastDay)) {
                blocked.add(new long[] {startOf(holiday).toEpochMilli(), startOf(holiday.plusDays(1)).toEpochMilli()});
            }
        }
        for (OutOfOffice period : periods) {
            blocked.add(new long[] {period.from().toEpochMilli(), period.until().toEpochMilli()});
        }
        List<long[]> open = Intervals.clip(Intervals.merge(working), from.toEpochMilli(), to.toEpochMilli());
        long millis = Intervals.length(open) - Intervals.length(Intervals.intersect(open, Intervals.merge(blocked)));
        return Duration.ofMillis(millis);
    }

    /** The SDR's local date at the instant. */
    public LocalDate localDate(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The instant the SDR's local day (the one containing {@code at}) began: the daily cap counts from here. */
    public Instant startOfLocalDay(Instant at) {
        return startOf(localDate(at));
    }

    /**
     * The same from the time zone alone, before the rest of the schedule is known: the start of the local date,
     * or the end of the jump when a clock change skips midnight (as {@link #startOfLocalDay(Instant)}).
     */
    public static Instant startOfLocalDay(ZoneId zone, Instant at) {
        return LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
    }

    /** The instant the SDR's next local day begins. */
    public Instant startOfNextLocalDay(Instant at) {
        return after(at, startOf(localDate(at).plusDays(1)));
    }

    private Instant startOf(LocalDate date) {
        return instantOf(date.atStartOfDay());
    }

    /** The instant the SDR's clock first shows the local date-time; the end of the jump for a skipped one. */
    private Instant instantOf(LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // In an overlap the offset before the transition comes first: the earlier of the two instants.
        return local.toInstant(offsets.get(0));
    }

    /** Every shift starting on a local date from {@code first} to {@code last}, as [start, end) instants, by start. */
    private List<Instant[]> shifts(LocalDate first, LocalDate last) {
        List<Instant[]> shifts = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            DayOfWeek weekday = date.getDayOfWeek();
            for (Shift shift : workingHours.on(weekday)) {
                LocalDateTime start = date.atStartOfDay().plusSeconds(shift.startSecond());
                LocalDateTime end = date.atStartOfDay().plusSeconds(shift.endSecond());
                Instant startAt = instantOf(start);
                Instant endAt = instantOf(end);
                if (endAt.isAfter(startAt)) {
                    shifts.add(new Instant[] {startAt, endAt});
                }
            }
        }
        return shifts;
    }

    @Override
    public String toString() {
        return "Availability[" + zone + ", " + workingHours + ", holidays " + holidays + ", out of office " + outOfOffice
                + (active ? "" : ", inactive") + (paused ? ", paused" : "") + "]";
    }
}
