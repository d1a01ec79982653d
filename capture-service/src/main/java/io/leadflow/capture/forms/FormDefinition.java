package io.leadflow.capture.forms;

import io.leadflow.web.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A form as marketing defines it through the admin API. Pure: {@link #problems()} lists everything
 * wrong with a definition at once, with the field that is wrong.
 */
public record FormDefinition(String name, List<String> allowedOrigins, List<String> requiredFields, ConsentText consent,
                             String thankYouUrl, String errorUrl, Attribution defaults, Integer rateLimitPerMinute) {

    /** The consent wording the form shows, and its version; stored with every submission that gives consent. */
    public record ConsentText(String text, String version) {
    }

    /** The source, medium and campaign to assume when a submission carries none. */
    public record Attribution(String source, String medium, String campaign) {
    }

    /** The lead fields a form may require besides the e-mail, which every form requires. */
    public static final Set<String> REQUIRABLE = Set.of("firstName", "lastName", "company", "jobTitle", "phone",
            "country", "message", "state", "website", "industry", "employees", "revenue", "consent");

    public FormDefinition {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(new LinkedHashSet<>(allowedOrigins.stream()
                .map(o -> o == null ? null : stripSlash(o.strip().toLowerCase(Locale.ROOT))).toList()));
        requiredFields = requiredFields == null ? List.of() : List.copyOf(new LinkedHashSet<>(requiredFields));
    }

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", name, 200, true);
        if (allowedOrigins.size() > 50) {
            errors.add(new FieldError("allowedOrigins", "at most 50 origins"));
        }
        for (int i = 0; i < allowedOrigins.size(); i++) {
            if (!isOrigin(allowedOrigins.get(i))) {
                errors.add(new FieldError("allowedOrigins[" + i + "]",
                        "must be an origin: http(s)://host[:port], without a path, such as https://www.acme.com"));
            }
        }
        for (int i = 0; i < requiredFields.size(); i++) {
            if (!REQUIRABLE.contains(requiredFields.get(i))) {
                errors.add(new FieldError("requiredFields[" + i + "]", "must be one of " + String.join(", ",
                        REQUIRABLE.stream().sorted().toList()) + " (the e-mail is always required)"));
            }
        }
        if (consent != null) {
            text(errors, "consent.text", consent.text(), 2000, false);
            text(errors, "consent.version", consent.version(), 50, false);
        }
        if (requiredFields.contains("consent") && (consent == null || blank(consent.text()))) {
            errors.add(new FieldError("consent.text", "is required when the form requires consent: it is what the person agrees to"));
        }
        url(errors, "thankYouUrl", thankYouUrl);
        url(errors, "errorUrl", errorUrl);
        if (defaults != null) {
            text(errors, "defaults.source", defaults.source(), 200, false);
            text(errors, "defaults.medium", defaults.medium(), 200, false);
            text(errors, "defaults.campaign", defaults.campaign(), 200, false);
        }
        if (rateLimitPerMinute != null && (rateLimitPerMinute < 1 || rateLimitPerMinute > 1_000_000)) {
            errors.add(new FieldError("rateLimitPerMinute", "must be between 1 and 1000000"));
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    /** A page to send the browser to: an absolute http(s) URL, or a path on capture-service itself. */
    private static void url(List<FieldError> errors, String field, String value) {
        if (blank(value)) {
            return;
        }
        if (value.length() > 2048) {
            errors.add(new FieldError(field, "must be at most 2048 characters"));
            return;
        }
        try {
            URI uri = new URI(value);
            boolean absolute = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            boolean localPath = uri.getScheme() == null && uri.getHost() == null && value.startsWith("/") && !value.startsWith("//");
            if (!absolute && !localPath) {
                errors.add(new FieldError(field, "must be an absolute http(s) URL or a path starting with /"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "must be a URL"));
        }
    }

    static boolean isOrigin(String origin) {
        if (origin == null || origin.length() > 255) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
