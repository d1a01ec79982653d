package io.leadflow.capture.domain;

import io.leadflow.web.FieldError;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks and normalises a request of engagement events. Every event is checked before anything is stored, and one bad
 * event refuses the whole request with every problem, each named by its place in the body ({@code events[3].type}):
 * a client learns all it must fix at once, and a stored batch is always the whole batch it sent. Pure logic: no I/O.
 */
public final class EngagementValidator {

    /** The snippet's visitor id (a UUID), as on a submission. */
    private static final Pattern VISITOR_ID = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");
    private static final Pattern FORM_ID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");
    private static final Pattern DETAIL_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,39}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    static final int MAX_DETAIL_KEYS = 10;
    static final int MAX_DETAIL_TEXT = 200;
    static final int MAX_TITLE = 300;
    static final int MAX_URL = 2048;

    /** How many events a request may carry, and how far in the past or future an event may have happened. */
    public record Limits(int maxEvents, Duration maxAge, Duration maxClockSkew) {
    }

    /** Either the normalised events (with the request's form id) or every problem. */
    public record Result(String formId, List<Engagement> engagements, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private EngagementValidator() {
    }

    /**
     * @param integration whether the sender is an integration (token with role {@code integration}): only integrations
     *                    may key events by e-mail; a browser speaks for its own visitor id, never for an address anyone
     *                    can type
     * @param now         the time of receipt: events without {@code occurredAt} happened then
     */
    public static Result validate(EngagementBatch request, boolean integration, Instant now, Limits limits) {
        List<FieldError> errors = new ArrayList<>();
        String formId = text(errors, "formId", request.formId(), 100);
        if (formId != null && !FORM_ID.matcher(formId).matches()) {
            errors.add(new FieldError("formId", "may contain only letters, digits, '-' and '_'"));
        }
        List<EngagementEvent> events = request.events();
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "must hold 1 to " + limits.maxEvents() + " events"));
            return new Result(null, List.of(), errors);
        }
        if (events.size() > limits.maxEvents()) {
            errors.add(new FieldError("events", "must hold at most " + limits.maxEvents()
                    + " events; send the others in another request"));
            return new Result(null, List.of(), errors);
        }
        List<Engagement> valid = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            String at = request.batch() ? "events[" + i + "]" : "";
            Engagement e = event(events.get(i), at, integration, now, limits, errors);
            if (e != null) {
                valid.add(e);
            }
        }
        return errors.isEmpty() ? new Result(formId, List.copyOf(valid), List.of()) : new Result(null, List.of(), List.copyOf(errors));
    }

    private static Engagement event(EngagementEvent raw, String at, boolean integration, Instant now, Limits limits,
                                    List<FieldError> errors) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (raw == null) {
            errors.add(new FieldError(at.isEmpty() ? "body" : at, "must be an event object"));
            return null;
        }
        int before = errors.size();
        EngagementType type = null;
        String typeName = text(errors, prefix + "type", raw.type(), 40);
        if (typeName == null) {
            errors.add(new FieldError(prefix + "type", "is required: one of " + EngagementType.WIRE_NAMES));
        } else {
            type = EngagementType.fromWire(typeName).orElse(null);
            if (type == null) {
                errors.add(new FieldError(prefix + "type", "must be one of " + EngagementType.WIRE_NAMES));
            }
        }
        Instant occurredAt = occurredAt(errors, prefix + "occurredAt", raw.occurredAt(), now, limits);
        String emailKey = null;
        if (raw.email() != null && !raw.email().isBlank()) {
            if (!integration) {
                errors.add(new FieldError(prefix + "email", "may be sent by integrations only (a token with role "
                        + "integration); a browser sends its visitorId"));
            } else {
                EmailAddresses.Parsed parsed = EmailAddresses.parse(Normalizer.normalize(raw.email(), Normalizer.Form.NFC).strip());
                if (parsed.valid()) {
                    emailKey = parsed.address().identityKey();
                } else {
                    errors.add(new FieldError(prefix + "email", parsed.problem()));
                }
            }
        }
        String visitorId = text(errors, prefix + "visitorId", raw.visitorId(), 64);
        if (visitorId != null && !VISITOR_ID.matcher(visitorId).matches()) {
            errors.add(new FieldError(prefix + "visitorId", "must be 8 to 64 letters, digits, '-' or '_'"));
        }
        boolean emailSent = raw.email() != null && !raw.email().isBlank();
        if (!emailSent && (raw.visitorId() == null || raw.visitorId().isBlank())) {
            errors.add(integration
                    ? new FieldError(prefix + "email", "email or visitorId is required")
                    : new FieldError(prefix + "visitorId", "is required"));
        }
        String url = url(errors, prefix + "url", raw.url());
        if (url == null && type != null && type.needsUrl() && (raw.url() == null || raw.url().isBlank())) {
            errors.add(new FieldError(prefix + "url", "is required for " + type.wireName()));
        }
        String title = text(errors, prefix + "title", raw.title(), MAX_TITLE);
        Utm utm = raw.utm() == null ? null : new Utm(
                text(errors, prefix + "utm.source", raw.utm().source(), 200),
                text(errors, prefix + "utm.medium", raw.utm().medium(), 200),
                text(errors, prefix + "utm.campaign", raw.utm().campaign(), 200),
                text(errors, prefix + "utm.term", raw.utm().term(), 200),
                text(errors, prefix + "utm.content", raw.utm().content(), 200));
        if (utm != null && utm.source() == null && utm.medium() == null && utm.campaign() == null && utm.term() == null
                && utm.content() == null) {
            utm = null;
        }
        Map<String, Object> detail = detail(errors, prefix + "detail", raw.detail());
        if (errors.size() > before) {
            return null;
        }
        return new Engagement(UUID.randomUUID(), type, occurredAt, emailKey, visitorId, url, title, utm, detail);
    }

    /** ISO-8601 instant (with Z or an offset) or epoch milliseconds; when absent, the time of receipt. */
    private static Instant occurredAt(List<FieldError> errors, String field, String value, Instant now, Limits limits) {
        if (value == null || value.isBlank()) {
            return now.truncatedTo(ChronoUnit.MICROS);
        }
        String v = value.strip();
        Instant instant;
        try {
            instant = v.chars().allMatch(Character::isDigit) && v.length() <= 15 ? Instant.ofEpochMilli(Long.parseLong(v)) : Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant (2026-03-01T10:15:30Z) or epoch milliseconds"));
            return null;
        }
        if (instant.isAfter(now.plus(limits.maxClockSkew()))) {
            errors.add(new FieldError(field, "must not be more than " + human(limits.maxClockSkew()) + " in the future"));
            return null;
        }
        if (instant.isBefore(now.minus(limits.maxAge()))) {
            errors.add(new FieldError(field, "must not be more than " + human(limits.maxAge()) + " old"));
            return null;
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String human(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " days";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + " minutes";
        }
        return d.toSeconds() + " seconds";
    }

    /**
     * Type-specific facts (a webinar id, a content name, minutes attended): at most 10 entries, names of letters,
     * digits and '_', values that are short texts, numbers or booleans. Small and flat, so it stays cheap to store
     * and to score.
     */
    private static Map<String, Object> detail(List<FieldError> errors, String field, Map<String, Object> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        if (detail.size() > MAX_DETAIL_KEYS) {
            errors.add(new FieldError(field, "must have at most " + MAX_DETAIL_KEYS + " entries"));
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        detail.forEach((key, value) -> {
            if (!DETAIL_KEY.matcher(key).matches()) {
                errors.add(new FieldError(field, "entry names must be 1 to 40 letters, digits or '_', starting with a letter"));
                return;
            }
            String at = field + "." + key;
            if (value instanceof String s) {
                String cleaned = text(errors, at, s, MAX_DETAIL_TEXT);
                if (cleaned != null) {
                    kept.put(key, cleaned);
                }
            } else if (value instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isFinite(d) && Math.abs(d) < 1e15) {
                    kept.put(key, n);
                } else {
                    errors.add(new FieldError(at, "must be a finite number below 10^15"));
                }
            } else if (value instanceof Boolean) {
                kept.put(key, value);
            } else if (value != null) {
                errors.add(new FieldError(at, "must be a text, a number or a boolean"));
            }
        });
        return kept.isEmpty() ? null : kept;
    }

    /** Trimmed, Unicode NFC, without control characters, at most {@code maxLength} code points; null when blank. */
    private static String text(List<FieldError> errors, String field, String value, int maxLength) {
        String cleaned = value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (cleaned == null || cleaned.isEmpty()) {
            return null;
        }
        if (CONTROL.matcher(cleaned).find()) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return cleaned;
    }

    private static String url(List<FieldError> errors, String field, String value) {
        String cleaned = text(errors, field, value, MAX_URL);
        if (cleaned == null || WebUrls.isAbsoluteHttp(cleaned)) {
            return cleaned;
        }
        errors.add(new FieldError(field, "must be an absolute http(s) URL"));
        return null;
    }
}
