package io.leadflow.routing.roster;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One stretch of work on a weekday, in the SDR's local time: from {@code start} (inclusive) to
 * {@code end} (exclusive). An end at or before the start means the shift crosses midnight and ends
 * on the next day ({@code 22:00-06:00}); {@code 00:00-24:00} is the whole day. Written
 * {@code HH:mm-HH:mm}.
 */
public record Shift(LocalTime start, LocalTime end) {

    static final int DAY_SECONDS = 86_400;
    private static final Pattern FORMAT = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public Shift {
        if (start == null || end == null) {
            throw new IllegalArgumentException("a shift needs a start and an end");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("a shift starts and ends on a whole minute");
        }
    }

    /**
     * Parses {@code HH:mm-HH:mm} ({@code 24:00} allowed as an end).
     *
     * @throws IllegalArgumentException with a reason fit for an API error
     */
    public static Shift parse(String text) {
        if (text == null || !FORMAT.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("must be HH:mm-HH:mm, e.g. 09:00-17:30 (22:00-06:00 crosses midnight, "
                    + "00:00-24:00 is the whole day)");
        }
        String[] parts = text.strip().split("-");
        try {
            LocalTime start = LocalTime.parse(parts[0], HH_MM);
            LocalTime end = "24:00".equals(parts[1]) ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1], HH_MM);
            if (start.equals(end) && !(start.equals(LocalTime.MIDNIGHT) && "24:00".equals(parts[1]))) {
                throw new IllegalArgumentException("start and end must differ (00:00-24:00 is the whole day)");
            }
            return new Shift(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be HH:mm-HH:mm, e.g. 09:00-17:30");
        }
    }

    /** Seconds after the local midnight of its weekday at which the shift starts. */
    int startSecond() {
        return start.toSecondOfDay();
    }

    /** Seconds after the local midnight of its weekday at which the shift ends: above 86,400 when it crosses midnight. */
    int endSecond() {
        int end = this.end.toSecondOfDay();
        return end > startSecond() ? end : end + DAY_SECONDS;
    }

    /** Whether the shift ends on the next day. */
    public boolean crossesMidnight() {
        return endSecond() > DAY_SECONDS;
    }

    @Override
    public String toString() {
        return start.format(HH_MM) + "-" + (endSecond() == DAY_SECONDS ? "24:00" : end.format(HH_MM));
    }
}
