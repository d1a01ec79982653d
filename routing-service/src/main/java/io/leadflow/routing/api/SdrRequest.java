package io.leadflow.routing.api;

import io.leadflow.routing.domain.Holiday;
import io.leadflow.routing.domain.RosterJson;
import io.leadflow.routing.domain.SdrSettings;
import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.Shift;
import io.leadflow.routing.roster.WorkingHours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An SDR as RevOps writes them. {@code id} only on creation (on update it comes from the path; if the
 * body has one it must match). Absent optional fields take the defaults: active, UTC, around the clock,
 * no holidays, no caps, no manager.
 */
public record SdrRequest(String id, String name, String email, Boolean active, String timeZone,
                         Map<String, List<String>> workingHours, List<HolidayEntry> holidays, Integer maxOpenLeads,
                         Integer maxLeadsPerDay, String managerEmail) {

    static final int MAX_HOLIDAYS = 1_000;
    static final int MAX_SHIFTS_PER_DAY = 8;
    static final int MAX_CAP = 100_000;

    public record HolidayEntry(String date, String name) {
    }

    /** Validates the body for creation: every bad field is named in the 400. */
    SdrSettings forCreate() {
        FieldErrors errors = new FieldErrors();
        errors.id("id", id);
        return settings(errors);
    }

    /** Validates the body for an update of the SDR at {@code pathId}. */
    SdrSettings forUpdate(String pathId) {
        FieldErrors errors = new FieldErrors();
        if (id != null && !id.equals(pathId)) {
            errors.add("id", "must be the SDR's id in the path (" + pathId + ") or absent");
        }
        return settings(errors);
    }

    private SdrSettings settings(FieldErrors errors) {
        String validName = errors.text("name", name, 200);
        String validEmail = errors.email("email", email, true);
        ZoneId zone = zone(errors, timeZone);
        WorkingHours hours = workingHours(errors, workingHours);
        List<Holiday> days = holidays(errors, holidays);
        Integer maxOpen = errors.range("maxOpenLeads", maxOpenLeads, 1, MAX_CAP);
        Integer maxPerDay = errors.range("maxLeadsPerDay", maxLeadsPerDay, 1, MAX_CAP);
        String manager = errors.email("managerEmail", managerEmail, false);
        errors.throwIfAny();
        return new SdrSettings(validName, validEmail, active == null || active, zone, hours, days,
                new Caps(maxOpen, maxPerDay), manager);
    }

    /** An IANA region id (Europe/Paris, America/New_York, UTC); offsets like +02:00 are not time zones. */
    static ZoneId zone(FieldErrors errors, String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
            errors.add("timeZone", "must be an IANA time zone such as Europe/Paris or America/New_York");
            return null;
        }
        return ZoneId.of(timeZone.strip());
    }

    static WorkingHours workingHours(FieldErrors errors, Map<String, List<String>> days) {
        if (days == null) {
            return WorkingHours.always();
        }
        Map<DayOfWeek, List<Shift>> shifts = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> keys = new HashMap<>();
        boolean valid = true;
        for (Map.Entry<String, List<String>> day : days.entrySet()) {
            String field = "workingHours." + day.getKey();
            DayOfWeek weekday = weekday(day.getKey());
            if (weekday == null) {
                errors.add(field, "must be a weekday: monday, tuesday, wednesday, thursday, friday, saturday or sunday");
                valid = false;
                continue;
            }
            if (keys.containsKey(weekday)) {
                errors.add(field, "is the same weekday as workingHours." + keys.get(weekday));
                valid = false;
                continue;
            }
            keys.put(weekday, day.getKey());
            List<String> texts = day.getValue() == null ? List.of() : day.getValue();
            if (texts.size() > MAX_SHIFTS_PER_DAY) {
                errors.add(field, "has more than " + MAX_SHIFTS_PER_DAY + " shifts");
                valid = false;
                continue;
            }
            List<Shift> parsed = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    parsed.add(Shift.parse(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    errors.add(field + "[" + i + "]", e.getMessage());
                    valid = false;
                }
            }
            shifts.put(weekday, parsed);
        }
        if (!valid) {
            return null;
        }
        // Indices as the client wrote them (WorkingHours sorts by start, findOverlap reads the lists as given).
        var overlap = WorkingHours.findOverlap(shifts);
        if (overlap.isPresent()) {
            var found = overlap.get();
            errors.add("workingHours." + keys.get(found.otherDay()) + "[" + found.otherIndex() + "]",
                    "overlaps workingHours." + keys.get(found.day()) + "[" + found.index() + "]");
            return null;
        }
        return WorkingHours.of(shifts);
    }

    private static DayOfWeek weekday(String name) {
        if (name == null) {
            return null;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (RosterJson.dayName(day).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return day;
            }
        }
        return null;
    }

    static List<Holiday> holidays(FieldErrors errors, List<HolidayEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_HOLIDAYS) {
            errors.add("holidays", "must be at most " + MAX_HOLIDAYS + " days");
            return null;
        }
        List<Holiday> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            HolidayEntry entry = entries.get(i);
            String field = "holidays[" + i + "]";
            if (entry == null || entry.date() == null) {
                errors.add(field + ".date", "is required (yyyy-MM-dd)");
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(entry.date().strip());
                if (!seen.add(date)) {
                    errors.add(field + ".date", "is listed twice");
                    continue;
                }
                days.add(new Holiday(date, errors.optionalText(field + ".name", entry.name(), 200)));
            } catch (DateTimeParseException e) {
                errors.add(field + ".date", "must be a date, yyyy-MM-dd");
            }
        }
        return days;
    }
}
