package io.leadflow.capture.domain;

import io.leadflow.web.FieldError;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises a submission (trim, Unicode NFC, e-mail domain lower-cased in Unicode, country to ISO alpha-2, phone to E.164) and
 * checks every field, collecting all the reasons at once so a form can show them together.
 * Pure logic: no I/O.
 */
public final class SubmissionValidator {

    private static final Pattern PHONE = Pattern.compile("^[0-9+()./ \\-]{4,50}( ?(x|ext\\.?) ?[0-9]{1,6})?$");
    private static final Pattern FORM_ID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");
    private static final Pattern VISITOR_ID = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private SubmissionValidator() {
    }

    /** The normalised submission, or the list of everything wrong with it. */
    public static Result validate(LeadSubmission raw) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(errors);

        String email = email(raw.email(), errors);
        // The country first: it is the hint that reads a national phone number.
        String typedCountry = f.text("country", raw.country(), 100, false);
        String country = null;
        if (typedCountry != null) {
            country = Countries.alpha2(typedCountry).orElse(null);
            if (country == null) {
                errors.add(new FieldError("country", "must be a country: an ISO code such as FR or FRA, or a name such as France"));
            }
        }
        String phoneRaw = f.text("phone", raw.phone(), 50, false);
        String phone = null;
        if (phoneRaw != null) {
            if (!PHONE.matcher(phoneRaw).matches()) {
                errors.add(new FieldError("phone", "must be a phone number of digits, spaces and + ( ) - ."));
            } else {
                Phones.Parsed parsed = Phones.e164(phoneRaw, country);
                if (parsed.e164() == null) {
                    errors.add(new FieldError("phone", parsed.problem()));
                }
                phone = parsed.e164();
            }
        }
        String formId = f.text("formId", raw.formId(), 100, false);
        if (formId != null && !FORM_ID.matcher(formId).matches()) {
            errors.add(new FieldError("formId", "may contain only letters, digits, '-' and '_'"));
        }
        Consent consent = raw.consent() == null ? null : new Consent(raw.consent().marketing(),
                f.text("consent.text", raw.consent().text(), 2000, false),
                f.text("consent.version", raw.consent().version(), 50, false));
        Utm utm = raw.utm() == null ? null : new Utm(
                f.text("utm.source", raw.utm().source(), 200, false),
                f.text("utm.medium", raw.utm().medium(), 200, false),
                f.text("utm.campaign", raw.utm().campaign(), 200, false),
                f.text("utm.term", raw.utm().term(), 200, false),
                f.text("utm.content", raw.utm().content(), 200, false));
        LeadSubmission normalised = new LeadSubmission(email,
                f.text("firstName", raw.firstName(), 100, false),
                f.text("lastName", raw.lastName(), 100, false),
                f.text("company", raw.company(), 200, false),
                f.text("jobTitle", raw.jobTitle(), 200, false),
                phone, country,
                f.text("message", raw.message(), 5000, false),
                f.text("state", raw.state(), 100, false),
                website(f.text("website", raw.website(), 2048, false), errors),
                f.text("industry", raw.industry(), 100, false),
                f.text("employees", raw.employees(), 50, false),
                f.text("revenue", raw.revenue(), 50, false),
                consent, utm,
                f.url("pageUrl", raw.pageUrl()),
                f.url("referrer", raw.referrer()),
                formId,
                raw.hp() == null || raw.hp().isBlank() ? null : raw.hp(),
                instant("renderedAt", raw.renderedAt(), errors),
                instant("firstSeenAt", raw.firstSeenAt(), errors),
                visitorId(f.text("visitorId", raw.visitorId(), 64, false), errors));
        return new Result(errors.isEmpty() ? normalised : null, errors.isEmpty() ? phoneRaw : null, List.copyOf(errors));
    }

    /** The address normalised by {@link EmailAddresses} (local part as typed, domain lower-cased), or why it is not one. */
    private static String email(String value, List<FieldError> errors) {
        String cleaned = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        EmailAddresses.Parsed parsed = EmailAddresses.parse(cleaned);
        if (!parsed.valid()) {
            errors.add(new FieldError("email", parsed.problem()));
            return null;
        }
        return parsed.address().normalized();
    }

    /**
     * A company's web site or domain, kept as typed ("acme.com", "https://www.acme.com/fr"): enrichment normalises it.
     * A space inside (no-break ones too) means two values or a sentence, never an address.
     */
    private static String website(String value, List<FieldError> errors) {
        if (value != null && value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            errors.add(new FieldError("website",
                    "must be a web site or domain without spaces, such as acme.com or https://www.acme.com"));
            return null;
        }
        return value;
    }

    /** A browser's anonymous visitor id (the snippet makes a UUID): kept only if it looks like an id. */
    private static String visitorId(String value, List<FieldError> errors) {
        if (value != null && !VISITOR_ID.matcher(value).matches()) {
            errors.add(new FieldError("visitorId", "must be 8 to 64 letters, digits, '-' or '_'"));
            return null;
        }
        return value;
    }

    /** A browser timestamp (renderedAt, firstSeenAt): an ISO-8601 instant or epoch milliseconds, normalised to ISO-8601. */
    private static String instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return (v.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(v)) : Instant.parse(v)).toString();
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant or epoch milliseconds"));
            return null;
        }
    }

    /**
     * Either a normalised submission (no errors; its phone in E.164, its country in ISO alpha-2)
     * with the phone as it was typed, or the errors.
     */
    public record Result(LeadSubmission submission, String phoneRaw, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private record Fields(List<FieldError> errors) {

        String text(String field, String value, int maxLength, boolean required) {
            String cleaned = value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
            if (cleaned == null || cleaned.isEmpty()) {
                if (required) {
                    errors.add(new FieldError(field, "is required"));
                }
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

        String url(String field, String value) {
            String cleaned = text(field, value, 2048, false);
            if (cleaned == null || WebUrls.isAbsoluteHttp(cleaned)) {
                return cleaned;
            }
            errors.add(new FieldError(field, "must be an absolute http(s) URL"));
            return null;
        }
    }
}
