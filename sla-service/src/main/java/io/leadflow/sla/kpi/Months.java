package io.leadflow.sla.kpi;

import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The capture months a KPI request covers, {@code from} to {@code to} inclusive (YYYY-MM; default this month, UTC). */
public record Months(YearMonth first, YearMonth last) {

    /** The widest range one request may ask for. */
    public static final int MAX_MONTHS = 36;

    /** Parses the query parameters; a 400 problem naming each bad one. */
    public static Months parse(String from, String to, Clock clock) {
        YearMonth now = YearMonth.now(clock);
        List<FieldError> errors = new ArrayList<>();
        YearMonth first = month("from", from, now, errors);
        YearMonth last = month("to", to, first == null ? now : first.isAfter(now) ? first : now, errors);
        if (errors.isEmpty()) {
            if (last.isBefore(first)) {
                errors.add(new FieldError("to", "must not be before from (" + first + ")"));
            } else if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
                errors.add(new FieldError("to", "at most " + MAX_MONTHS + " months from " + first));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Months(first, last);
    }

    private static YearMonth month(String name, String value, YearMonth fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a month YYYY-MM, got \"" + value + "\""));
            return null;
        }
    }

    public LocalDate from() {
        return first.atDay(1);
    }

    public LocalDate to() {
        return last.atDay(1);
    }

    public String fromText() {
        return first.toString();
    }

    public String toText() {
        return last.toString();
    }
}
