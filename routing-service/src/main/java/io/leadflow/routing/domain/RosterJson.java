package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.OutOfOffice;
import io.leadflow.routing.roster.Shift;
import io.leadflow.routing.roster.WorkingHours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SDR's schedule as stored in the {@code sdr} row (working hours and holidays as JSON) and as the
 * availability core sees it. Written only from validated settings, so reading trusts the format.
 */
public final class RosterJson {

    private RosterJson() {
    }

    /** The weekday as written in working hours: {@code monday} ... {@code sunday}. */
    public static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    public static WorkingHours workingHours(JsonNode json) {
        if (json == null || json.isNull()) {
            return WorkingHours.always();
        }
        Map<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        json.fields().forEachRemaining(day -> {
            List<Shift> shifts = new ArrayList<>();
            day.getValue().forEach(shift -> shifts.add(Shift.parse(shift.asText())));
            days.put(DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT)), shifts);
        });
        return WorkingHours.of(days);
    }

    /** Working hours as the API shows them, Monday first; null for around the clock. */
    public static Map<String, List<String>> workingHoursView(WorkingHours hours) {
        if (hours.isAlways()) {
            return null;
        }
        Map<String, List<String>> view = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Shift> shifts = hours.on(day);
            if (!shifts.isEmpty()) {
                view.put(dayName(day), shifts.stream().map(Shift::toString).toList());
            }
        }
        return view;
    }

    public static JsonNode workingHoursJson(WorkingHours hours) {
        Map<String, List<String>> view = workingHoursView(hours);
        if (view == null) {
            return null;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        view.forEach((day, shifts) -> shifts.forEach(json.withArray(day)::add));
        return json;
    }

    /** Holidays from {@code {"2026-12-25": "Christmas", "2026-05-01": null}}, by date. */
    public static List<Holiday> holidays(JsonNode json) {
        List<Holiday> holidays = new ArrayList<>();
        if (json != null) {
            json.fields().forEachRemaining(day -> holidays.add(new Holiday(LocalDate.parse(day.getKey()),
                    day.getValue().isNull() ? null : day.getValue().asText())));
        }
        holidays.sort(java.util.Comparator.comparing(Holiday::date));
        return holidays;
    }

    public static JsonNode holidaysJson(List<Holiday> holidays) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        holidays.stream().sorted(java.util.Comparator.comparing(Holiday::date))
                .forEach(holiday -> json.put(holiday.date().toString(), holiday.name()));
        return json;
    }

    public static Caps caps(Sdr sdr) {
        return new Caps(sdr.maxOpenLeads, sdr.maxLeadsPerDay);
    }

    /** When the SDR can take leads: their row and their out-of-office periods (those that matter for the question). */
    public static Availability availability(Sdr sdr, Collection<OutOfOffice> outOfOffice) {
        return Availability.of(ZoneId.of(sdr.timeZone), workingHours(sdr.workingHours),
                holidays(sdr.holidays).stream().map(Holiday::date).toList(), outOfOffice, sdr.active, sdr.paused);
    }
}
