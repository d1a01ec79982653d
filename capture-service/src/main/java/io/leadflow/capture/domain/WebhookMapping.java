package io.leadflow.capture.domain;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.web.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a webhook source's JSON becomes a lead: each lead field is read at a JSON Pointer (RFC 6901) into the body,
 * and a source's default fills a field the body leaves empty. Pure logic: no I/O.
 */
public final class WebhookMapping {

    /** The pseudo-field whose value identifies a delivery at the source (deduplication), not a lead field. */
    public static final String EVENT_ID = "eventId";
    public static final String CONSENT_MARKETING = "consent.marketing";

    /** Every lead field a source may map, in the public API's names. */
    public static final Set<String> LEAD_FIELDS = Set.of("email", "firstName", "lastName", "company", "jobTitle", "phone",
            "country", "message", "state", "website", "industry", "employees", "revenue", CONSENT_MARKETING,
            "consent.text", "consent.version", "utm.source", "utm.medium", "utm.campaign", "utm.term", "utm.content",
            "pageUrl", "referrer", "formId");
    private static final List<String> MAPPABLE = LEAD_FIELDS.stream().sorted().toList();

    // RFC 6901: "/" then segments where '~' is only ever ~0 or ~1. The empty pointer (the whole body) is not a value.
    private static final Pattern POINTER = Pattern.compile("(/([^~/]|~[01])*)+");
    private static final int MAX_POINTER_LENGTH = 500;
    private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "off", "0");

    private WebhookMapping() {
    }

    /**
     * Everything wrong with a source's mapping and defaults, as {@code mapping.<field>} and {@code defaults.<field>}
     * errors: unknown lead fields, malformed pointers, an unmapped e-mail, defaults the capture rules would refuse.
     */
    public static List<FieldError> check(Map<String, String> mapping, Map<String, String> defaults) {
        List<FieldError> errors = new ArrayList<>();
        if (mapping == null) {
            errors.add(new FieldError("mapping", "is required: an object of lead field -> JSON Pointer"));
        } else {
            mapping.forEach((field, pointer) -> {
                if (!LEAD_FIELDS.contains(field) && !field.equals(EVENT_ID)) {
                    errors.add(new FieldError("mapping." + field, "is not a lead field; map one of " + MAPPABLE + " or eventId"));
                } else if (pointer == null || pointer.length() > MAX_POINTER_LENGTH || !POINTER.matcher(pointer).matches()) {
                    errors.add(new FieldError("mapping." + field, "must be a JSON Pointer such as /contact/email "
                            + "(starts with '/', '~' only as ~0 or ~1, at most " + MAX_POINTER_LENGTH + " characters)"));
                }
            });
            if (!mapping.containsKey("email")) {
                errors.add(new FieldError("mapping.email", "is required: every lead needs an e-mail read from the body"));
            }
        }
        if (defaults != null) {
            Map<String, String> usable = new LinkedHashMap<>();
            defaults.forEach((field, value) -> {
                if (field.equals("email") || field.equals(EVENT_ID)) {
                    errors.add(new FieldError("defaults." + field, "cannot have a default: it must come from each delivery"));
                } else if (!LEAD_FIELDS.contains(field)) {
                    errors.add(new FieldError("defaults." + field, "is not a lead field; use one of " + MAPPABLE));
                } else if (value == null || value.isBlank()) {
                    errors.add(new FieldError("defaults." + field, "must not be empty"));
                } else if (field.equals(CONSENT_MARKETING) && flag(value) == null) {
                    errors.add(new FieldError("defaults." + field, "must be true or false"));
                } else {
                    usable.put(field, value);
                }
            });
            // The defaults must pass the rules every lead passes (lengths, formats): checked once here, not per lead.
            Map<String, String> sample = new LinkedHashMap<>(usable);
            sample.put("email", "sample@example.com");
            SubmissionValidator.validate(submission(sample)).errors().forEach(
                    e -> errors.add(new FieldError("defaults." + e.field(), e.reason())));
        }
        return errors;
    }

    /**
     * Reads a delivery. Values are text; a number is turned into its plain decimal text (a phone or a numeric id);
     * a boolean is accepted for consent.marketing only; an object or an array is refused with the pointer that found
     * it. A missing, null or blank value is filled from the defaults. The submission is not validated here: the
     * capture does that, and {@link Mapped#explain} tells which pointer a bad field came from.
     */
    public static Mapped apply(Map<String, String> mapping, Map<String, String> defaults, JsonNode body) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String eventId = null;
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String field = entry.getKey();
            String pointer = entry.getValue();
            origins.put(field, "mapped from " + pointer);
            JsonNode node = body.at(JsonPointer.compile(pointer));
            String value;
            if (node.isMissingNode() || node.isNull()) {
                value = null;
            } else if (node.isTextual()) {
                value = node.textValue();
            } else if (node.isIntegralNumber()) {
                value = node.bigIntegerValue().toString();
            } else if (node.isNumber()) {
                value = BigDecimal.valueOf(node.doubleValue()).stripTrailingZeros().toPlainString();
            } else if (node.isBoolean() && field.equals(CONSENT_MARKETING)) {
                value = Boolean.toString(node.booleanValue());
            } else {
                errors.add(new FieldError(field, "must be text or a number, found " + kind(node) + " at " + pointer));
                continue;
            }
            if (value != null && field.equals(CONSENT_MARKETING) && flag(value) == null) {
                errors.add(new FieldError(field, "must be true or false (or yes/no, on/off, 1/0), found '"
                        + abbreviate(value) + "' at " + pointer));
                continue;
            }
            if (field.equals(EVENT_ID)) {
                eventId = value == null || value.isBlank() ? null : value.strip();
            } else if (value != null && !value.isBlank()) {
                values.put(field, value);
            }
        }
        if (defaults != null) {
            defaults.forEach((field, value) -> {
                if (!values.containsKey(field) && LEAD_FIELDS.contains(field)) {
                    values.put(field, value);
                    origins.put(field, "the source's default");
                }
            });
        }
        return new Mapped(errors.isEmpty() ? submission(values) : null, eventId, Map.copyOf(origins), List.copyOf(errors));
    }

    /** A read delivery: the submission (when nothing was refused), the source's event id if mapped, and where each field came from. */
    public record Mapped(LeadSubmission submission, String eventId, Map<String, String> origins, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }

        /** The capture's field errors with where each field came from: "email: is required (mapped from /contact/email)". */
        public List<FieldError> explain(List<FieldError> captureErrors) {
            return captureErrors.stream()
                    .map(e -> origins.containsKey(e.field())
                            ? new FieldError(e.field(), e.reason() + " (" + origins.get(e.field()) + ")")
                            : e)
                    .toList();
        }
    }

    private static LeadSubmission submission(Map<String, String> v) {
        boolean hasConsent = v.containsKey(CONSENT_MARKETING) || v.containsKey("consent.text") || v.containsKey("consent.version");
        Consent consent = hasConsent ? new Consent(v.containsKey(CONSENT_MARKETING) ? flag(v.get(CONSENT_MARKETING)) : null,
                v.get("consent.text"), v.get("consent.version")) : null;
        boolean hasUtm = v.keySet().stream().anyMatch(k -> k.startsWith("utm."));
        Utm utm = hasUtm ? new Utm(v.get("utm.source"), v.get("utm.medium"), v.get("utm.campaign"), v.get("utm.term"),
                v.get("utm.content")) : null;
        return new LeadSubmission(v.get("email"), v.get("firstName"), v.get("lastName"), v.get("company"), v.get("jobTitle"),
                v.get("phone"), v.get("country"), v.get("message"), v.get("state"), v.get("website"), v.get("industry"),
                v.get("employees"), v.get("revenue"), consent, utm, v.get("pageUrl"), v.get("referrer"), v.get("formId"),
                null, null, null, null);
    }

    private static Boolean flag(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return TRUE.contains(v) ? Boolean.TRUE : FALSE.contains(v) ? Boolean.FALSE : null;
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : node.isBoolean() ? "a boolean" : "a " + node.getNodeType();
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}
