package io.leadflow.capture.forms;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.Utm;
import io.leadflow.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What a configured form adds to the general rules: its required fields, and its defaults. Pure. */
public final class FormRules {

    private FormRules() {
    }

    /** The fields the form requires that the submission leaves empty (raw or normalised). */
    public static List<FieldError> missing(Form form, LeadSubmission s) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : form.definition().requiredFields()) {
            if ("consent".equals(field)) {
                if (s.consent() == null || !Boolean.TRUE.equals(s.consent().marketing())) {
                    errors.add(new FieldError("consent.marketing", "must be given: this form asks for consent"));
                }
            } else if (blank(value(field).apply(s))) {
                errors.add(new FieldError(field, "is required"));
            }
        }
        return errors;
    }

    /**
     * The submission with the form's defaults: its source, medium and campaign where the submission has
     * none, and its consent wording and version where the submission gives consent without them.
     */
    public static LeadSubmission withDefaults(Form form, LeadSubmission s) {
        FormDefinition d = form.definition();
        Utm utm = s.utm();
        if (d.defaults() != null) {
            Utm given = utm == null ? new Utm(null, null, null, null, null) : utm;
            utm = new Utm(or(given.source(), d.defaults().source()), or(given.medium(), d.defaults().medium()),
                    or(given.campaign(), d.defaults().campaign()), given.term(), given.content());
        }
        Consent consent = s.consent();
        if (consent != null && d.consent() != null) {
            consent = new Consent(consent.marketing(), or(consent.text(), d.consent().text()),
                    or(consent.version(), d.consent().version()));
        }
        return new LeadSubmission(s.email(), s.firstName(), s.lastName(), s.company(), s.jobTitle(), s.phone(),
                s.country(), s.message(), s.state(), s.website(), s.industry(), s.employees(), s.revenue(), consent, utm, s.pageUrl(), s.referrer(), s.formId(), s.hp(), s.renderedAt(),
                s.firstSeenAt(), s.visitorId());
    }

    private static Function<LeadSubmission, String> value(String field) {
        return switch (field) {
            case "firstName" -> LeadSubmission::firstName;
            case "lastName" -> LeadSubmission::lastName;
            case "company" -> LeadSubmission::company;
            case "jobTitle" -> LeadSubmission::jobTitle;
            case "phone" -> LeadSubmission::phone;
            case "country" -> LeadSubmission::country;
            case "message" -> LeadSubmission::message;
            case "state" -> LeadSubmission::state;
            case "website" -> LeadSubmission::website;
            case "industry" -> LeadSubmission::industry;
            case "employees" -> LeadSubmission::employees;
            case "revenue" -> LeadSubmission::revenue;
            default -> throw new IllegalArgumentException("not a requirable field: " + field);
        };
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
