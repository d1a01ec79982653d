package io.leadflow.routing.api;

import io.leadflow.routing.roster.OutOfOffice;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** An out-of-office period: {@code from} (inclusive) and {@code until} (exclusive), ISO-8601 instants with an offset. */
public record OutOfOfficeRequest(String from, String until, String note) {

    static final Duration MAX_LENGTH = Duration.ofDays(3 * 366);

    OutOfOffice period() {
        FieldErrors errors = new FieldErrors();
        Instant start = instant(errors, "from", from);
        Instant end = instant(errors, "until", until);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add("until", "must be after from");
            } else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                errors.add("until", "must be at most three years after from");
            }
        }
        errors.optionalText("note", note, 500);
        errors.throwIfAny();
        return new OutOfOffice(start, end);
    }

    String validNote() {
        return note == null || note.isBlank() ? null : note.strip();
    }

    static Instant instant(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required (an ISO-8601 instant such as 2026-12-21T09:00:00+01:00)");
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 instant with an offset, such as 2026-12-21T09:00:00+01:00 or "
                    + "2026-12-21T08:00:00Z");
            return null;
        }
    }
}
