package io.leadflow.sla.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.rules.ParseResult;
import io.leadflow.rules.Problems;
import io.leadflow.rules.Spelling;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and checks SLA policy sets (format in the sla-service README). Every problem is reported with its JSON
 * path ({@code policies[1].firstTouch}), all in one answer; bad input never throws.
 */
public final class SlaPolicySets {

    /** The shipped default, on the class path. */
    public static final String DEFAULT_RESOURCE = "sla/default-policies.json";

    static final Duration MAX_DEADLINE = Duration.ofDays(30);
    private static final Pattern HOURS = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Set<String> ROOT = Set.of("version", "description", "calendars", "policies");
    private static final Set<String> CALENDAR = Set.of("id", "timeZone", "hours", "holidays", "closures");
    private static final Set<String> CLOSURE = Set.of("from", "to", "reason");
    private static final Set<String> POLICY = Set.of("id", "description", "match", "firstTouch", "calendar",
            "pauseOutsideHours", "atRisk", "acceptCountsAsTouch", "followUps", "maxAttempts", "escalateAfterBreaches");
    private static final Map<String, Set<String>> MATCH_VALUES = matchValues();
    private static final Map<String, DayOfWeek> DAYS = days();

    private SlaPolicySets() {
    }

    public static ParseResult<SlaPolicySet> parse(JsonNode root) {
        Problems problems = new Problems();
        if (!problems.isObject(root)) {
            return ParseResult.invalid(problems.errors());
        }
        problems.unknownProperties(root, "", ROOT);
        String version = problems.version(root);
        Map<String, BusinessCalendar> calendars = calendars(root.get("calendars"), problems);
        List<SlaPolicy> policies = policies(root.get("policies"), calendars, problems);
        if (!problems.none()) {
            return ParseResult.invalid(problems.errors());
        }
        return ParseResult.of(new SlaPolicySet(version, calendars, policies));
    }

    private static Map<String, BusinessCalendar> calendars(JsonNode node, Problems problems) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        if (node == null) {
            return calendars;
        }
        if (!node.isArray()) {
            problems.add("calendars", "must be an array");
            return calendars;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "calendars[" + i + "]";
            JsonNode calendar = node.get(i);
            if (!calendar.isObject()) {
                problems.add(path, "must be an object");
                continue;
            }
            int before = problems.count();
            problems.unknownProperties(calendar, path, CALENDAR);
            String id = problems.ruleId(calendar, path, seen);
            ZoneId zone = zone(calendar.get("timeZone"), path + ".timeZone", problems);
            Map<DayOfWeek, List<BusinessCalendar.Hours>> week = week(calendar.get("hours"), path + ".hours", problems);
            Set<LocalDate> holidays = new HashSet<>();
            JsonNode holidayNodes = calendar.get("holidays");
            if (holidayNodes != null && !holidayNodes.isArray()) {
                problems.add(path + ".holidays", "must be an array of dates (YYYY-MM-DD)");
            } else if (holidayNodes != null) {
                for (int h = 0; h < holidayNodes.size(); h++) {
                    LocalDate day = date(holidayNodes.get(h), path + ".holidays[" + h + "]", problems);
                    if (day != null) {
                        holidays.add(day);
                    }
                }
            }
            List<BusinessCalendar.Closure> closures = closures(calendar.get("closures"), path + ".closures", problems);
            if (problems.count() == before) {
                calendars.put(id, new BusinessCalendar(id, zone, week, holidays, closures));
            }
        }
        return calendars;
    }

    private static Map<DayOfWeek, List<BusinessCalendar.Hours>> week(JsonNode node, String path, Problems problems) {
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        if (node == null) {
            problems.add(path, "is required: opening hours per weekday, e.g. {\"monday\": [\"09:00-17:30\"]}");
            return week;
        }
        if (!node.isObject()) {
            problems.add(path, "must be an object of weekdays");
            return week;
        }
        node.fields().forEachRemaining(entry -> {
            String dayPath = path + "." + entry.getKey();
            DayOfWeek day = DAYS.get(entry.getKey());
            if (day == null) {
                problems.add(dayPath, "is not a weekday" + Spelling.hint(entry.getKey(), DAYS.keySet()));
                return;
            }
            if (!entry.getValue().isArray()) {
                problems.add(dayPath, "must be an array of opening hours like \"09:00-17:30\"");
                return;
            }
            List<BusinessCalendar.Hours> hours = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                BusinessCalendar.Hours parsed = hours(entry.getValue().get(i), dayPath + "[" + i + "]", problems);
                if (parsed != null) {
                    for (BusinessCalendar.Hours other : hours) {
                        if (parsed.from().isBefore(other.to()) && other.from().isBefore(parsed.to())) {
                            problems.add(dayPath + "[" + i + "]", "overlaps " + other.from() + "-" + other.to());
                        }
                    }
                    hours.add(parsed);
                }
            }
            week.put(day, hours);
        });
        if (week.values().stream().allMatch(List::isEmpty) && problems.none()) {
            problems.add(path, "must open on at least one weekday");
        }
        return week;
    }

    private static BusinessCalendar.Hours hours(JsonNode node, String path, Problems problems) {
        Matcher m = node.isTextual() ? HOURS.matcher(node.asText()) : null;
        if (m == null || !m.matches()) {
            problems.add(path, "must be opening hours like \"09:00-17:30\" (24-hour clock), got " + node);
            return null;
        }
        try {
            LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            int toHour = Integer.parseInt(m.group(3));
            int toMinute = Integer.parseInt(m.group(4));
            LocalTime to = toHour == 24 && toMinute == 0 ? LocalTime.MAX : LocalTime.of(toHour, toMinute);
            if (!from.isBefore(to)) {
                problems.add(path, "must end after it starts (hours cannot run past midnight; split them), got " + node);
                return null;
            }
            return new BusinessCalendar.Hours(from, to);
        } catch (DateTimeException e) {
            problems.add(path, "is not a time of day: " + node);
            return null;
        }
    }

    private static List<BusinessCalendar.Closure> closures(JsonNode node, String path, Problems problems) {
        List<BusinessCalendar.Closure> closures = new ArrayList<>();
        if (node == null) {
            return closures;
        }
        if (!node.isArray()) {
            problems.add(path, "must be an array");
            return closures;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode closure = node.get(i);
            if (!closure.isObject()) {
                problems.add(at, "must be an object with from, to and reason");
                continue;
            }
            problems.unknownProperties(closure, at, CLOSURE);
            LocalDate from = date(closure.get("from"), at + ".from", problems);
            LocalDate to = date(closure.get("to"), at + ".to", problems);
            String reason = problems.optionalText(closure, "reason", at + ".reason");
            if (from != null && to != null) {
                if (to.isBefore(from)) {
                    problems.add(at + ".to", "must be on or after from (" + from + ")");
                } else {
                    closures.add(new BusinessCalendar.Closure(from, to, reason));
                }
            }
        }
        return closures;
    }

    private static List<SlaPolicy> policies(JsonNode node, Map<String, BusinessCalendar> calendars, Problems problems) {
        List<SlaPolicy> policies = new ArrayList<>();
        if (node == null) {
            problems.add("policies", "is required");
            return policies;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("policies", "must be a non-empty array");
            return policies;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "policies[" + i + "]";
            JsonNode policy = node.get(i);
            if (!policy.isObject()) {
                problems.add(path, "must be an object");
                continue;
            }
            int before = problems.count();
            problems.unknownProperties(policy, path, POLICY);
            String id = problems.ruleId(policy, path, seen);
            PolicyMatch match = match(policy.get("match"), path + ".match", problems);
            Duration firstTouch = duration(policy.get("firstTouch"), path + ".firstTouch", true, problems);
            BusinessCalendar calendar = null;
            JsonNode calendarNode = policy.get("calendar");
            if (calendarNode != null && !calendarNode.isNull()) {
                calendar = calendarNode.isTextual() ? calendars.get(calendarNode.asText()) : null;
                if (calendar == null) {
                    problems.add(path + ".calendar", "is not a calendar of this set: " + calendarNode
                            + (calendarNode.isTextual() ? Spelling.hint(calendarNode.asText(), calendars.keySet()) : ""));
                }
            }
            boolean pause = bool(policy, "pauseOutsideHours", path, false, problems);
            if (pause && calendarNode == null) {
                problems.add(path + ".pauseOutsideHours", "needs a calendar: name one in " + path + ".calendar");
            }
            Double atRisk = null;
            JsonNode atRiskNode = policy.get("atRisk");
            if (atRiskNode != null && !atRiskNode.isNull()) {
                if (!atRiskNode.isNumber() || atRiskNode.asDouble() <= 0 || atRiskNode.asDouble() >= 1) {
                    problems.add(path + ".atRisk", "must be a share of the allowed time above 0 and below 1 (0.8 = warn "
                            + "at 80 %), or null for no warning; got " + atRiskNode);
                } else {
                    atRisk = atRiskNode.asDouble();
                }
            }
            boolean acceptCounts = bool(policy, "acceptCountsAsTouch", path, false, problems);
            List<Duration> followUps = new ArrayList<>();
            JsonNode followUpNodes = policy.get("followUps");
            if (followUpNodes == null || !followUpNodes.isArray() || followUpNodes.isEmpty()) {
                problems.add(path + ".followUps", "must be a non-empty array of durations: attempt n+1 is due this long"
                        + " after attempt n, the last one repeating (e.g. [\"PT1H\", \"P1D\"])");
            } else {
                for (int f = 0; f < followUpNodes.size(); f++) {
                    Duration d = duration(followUpNodes.get(f), path + ".followUps[" + f + "]", false, problems);
                    if (d != null) {
                        followUps.add(d);
                    }
                }
            }
            int maxAttempts = problems.intIn(policy, "maxAttempts", path + ".maxAttempts", 1, 50, true, 1);
            int escalateAfter = problems.intIn(policy, "escalateAfterBreaches", path + ".escalateAfterBreaches", 0, 50,
                    false, 0);
            if (problems.count() == before) {
                policies.add(new SlaPolicy(id, match, firstTouch, calendar, pause, atRisk, acceptCounts, followUps,
                        maxAttempts, escalateAfter));
            }
        }
        JsonNode lastMatch = node.get(node.size() - 1).get("match");
        if (lastMatch != null && lastMatch.isObject() && !lastMatch.isEmpty()) {
            problems.add("policies[" + (node.size() - 1) + "].match",
                    "the last policy must match every lead (leave match out): every lead needs a promise");
        }
        return policies;
    }

    private static PolicyMatch match(JsonNode node, String path, Problems problems) {
        if (node == null || node.isNull()) {
            return PolicyMatch.ANY;
        }
        if (!node.isObject()) {
            problems.add(path, "must be an object of criteria");
            return PolicyMatch.ANY;
        }
        problems.unknownProperties(node, path, MATCH_VALUES.keySet());
        Map<String, Set<String>> values = new HashMap<>();
        for (String criterion : MATCH_VALUES.keySet()) {
            Set<String> set = new HashSet<>();
            JsonNode list = node.get(criterion);
            if (list != null) {
                String at = path + "." + criterion;
                if (!list.isArray() || list.isEmpty()) {
                    problems.add(at, "must be a non-empty array of values");
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode value = list.get(i);
                        if (!value.isTextual() || value.asText().isBlank()) {
                            problems.add(at + "[" + i + "]", "must be a non-blank string");
                            continue;
                        }
                        String v = value.asText().strip().toLowerCase(Locale.ROOT);
                        Set<String> allowed = MATCH_VALUES.get(criterion);
                        if (!allowed.isEmpty() && !allowed.contains(v)) {
                            problems.add(at + "[" + i + "]", "must be one of " + allowed.stream().sorted().toList()
                                    + Spelling.hint(v, allowed));
                            continue;
                        }
                        if ("grade".equals(criterion) && !v.matches("[a-d][1-4]?")) {
                            problems.add(at + "[" + i + "]", "must be a grade: a fit letter A-D, optionally with an "
                                    + "engagement digit 1-4 (A, B2)");
                            continue;
                        }
                        set.add(v);
                    }
                }
            }
            values.put(criterion, set);
        }
        return new PolicyMatch(values.get("temperature"), values.get("grade"), values.get("segment"),
                values.get("source"), values.get("campaign"), values.get("country"), values.get("region"),
                values.get("team"));
    }

    private static Duration duration(JsonNode node, String path, boolean required, Problems problems) {
        if (node == null) {
            if (required) {
                problems.add(path, "is required: an ISO-8601 duration such as PT5M, PT1H or PT8H");
            }
            return null;
        }
        try {
            Duration d = node.isTextual() ? Duration.parse(node.asText()) : null;
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_DEADLINE) > 0) {
                problems.add(path, "must be an ISO-8601 duration above zero and at most P30D, got " + node);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(path, "must be an ISO-8601 duration such as PT5M, PT1H or P1D, got " + node);
            return null;
        }
    }

    private static boolean bool(JsonNode parent, String name, String path, boolean fallback, Problems problems) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.add(path + "." + name, "must be true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    private static ZoneId zone(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isTextual()) {
            problems.add(path, "is required: an IANA time zone such as Europe/London");
            return null;
        }
        try {
            return ZoneId.of(node.asText());
        } catch (DateTimeException e) {
            problems.add(path, "is not an IANA time zone: " + node + Spelling.hint(node.asText(),
                    ZoneId.getAvailableZoneIds()));
            return null;
        }
    }

    private static LocalDate date(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isTextual()) {
            problems.add(path, "must be a date YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            problems.add(path, "must be a date YYYY-MM-DD, got " + node);
            return null;
        }
    }

    private static Map<String, Set<String>> matchValues() {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        values.put("temperature", Set.of("cold", "warm", "hot"));
        values.put("grade", Set.of());
        values.put("segment", Set.of("smb", "mid-market", "enterprise"));
        values.put("source", Set.of());
        values.put("campaign", Set.of());
        values.put("country", Set.of());
        values.put("region", Set.of("emea", "na", "latam", "apac"));
        values.put("team", Set.of());
        return values;
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), day);
        }
        return days;
    }
}
