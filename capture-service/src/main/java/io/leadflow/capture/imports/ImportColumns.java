package io.leadflow.capture.imports;

import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each column of an imported file holds, read from its header row: the API's field names in
 * any case, and the names spreadsheets and badge-scanning apps commonly use ("E-mail", "First Name",
 * "Company Name", "Title"). Spaces, '-', '_' and '.' are ignored when matching, so "utm_source",
 * "UTM Source" and "utm.source" are the same column. Pure logic.
 */
public final class ImportColumns {

    /** The lead fields a column can hold (the API's names, UTM and consent as the form fields are named). */
    public enum Field {
        EMAIL("email"), FIRST_NAME("firstName"), LAST_NAME("lastName"), COMPANY("company"), JOB_TITLE("jobTitle"),
        PHONE("phone"), COUNTRY("country"), MESSAGE("message"), STATE("state"), WEBSITE("website"),
        INDUSTRY("industry"), EMPLOYEES("employees"), REVENUE("revenue"), FORM_ID("formId"), PAGE_URL("pageUrl"),
        REFERRER("referrer"), UTM_SOURCE("utm_source"), UTM_MEDIUM("utm_medium"), UTM_CAMPAIGN("utm_campaign"),
        UTM_TERM("utm_term"), UTM_CONTENT("utm_content"), CONSENT("consent"), CONSENT_TEXT("consentText"),
        CONSENT_VERSION("consentVersion");

        private final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        /** The name used in the API, in the documentation and in the report's errors. */
        public String apiName() {
            return apiName;
        }
    }

    private static final Map<String, Field> NAMES = names();

    private final Map<Field, Integer> positions;
    private final int width;
    private final List<String> unknown;

    private ImportColumns(Map<Field, Integer> positions, int width, List<String> unknown) {
        this.positions = positions;
        this.width = width;
        this.unknown = unknown;
    }

    /**
     * Reads the header row. A column no field is known by is listed in {@link #unknown()} and ignored;
     * a file without an e-mail column, or with two columns for one field, is refused naming the field.
     */
    public static ImportColumns of(List<String> header) {
        Map<Field, Integer> positions = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            if (name.isEmpty()) {
                continue; // a trailing separator or an unnamed helper column: nothing to read
            }
            Field field = NAMES.get(key(name));
            if (field == null) {
                unknown.add(name);
            } else if (positions.containsKey(field)) {
                errors.add(new FieldError(field.apiName(), "is held by two columns: \"" + header.get(positions.get(field)).strip()
                        + "\" (column " + (positions.get(field) + 1) + ") and \"" + name + "\" (column " + (i + 1) + ")"));
            } else {
                positions.put(field, i);
            }
        }
        if (!positions.containsKey(Field.EMAIL)) {
            errors.add(0, new FieldError("email", "no column holds the e-mail address: the header row needs one named "
                    + "email (or E-mail, Email Address)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ImportColumns(Map.copyOf(positions), header.size(), List.copyOf(unknown));
    }

    /** The cell of this field in a row, or null when the file has no such column. */
    public String cell(List<String> row, Field field) {
        Integer position = positions.get(field);
        return position == null || position >= row.size() ? null : row.get(position);
    }

    public boolean has(Field field) {
        return positions.containsKey(field);
    }

    /** How many columns the header row has (named or not): every row must have as many cells. */
    public int width() {
        return width;
    }

    /** The header names that are no lead field, as written in the file. */
    public List<String> unknown() {
        return unknown;
    }

    static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> c != ' ' && c != '-' && c != '_' && c != '.' && !Character.isWhitespace(c))
                .forEach(key::appendCodePoint);
        return key.toString();
    }

    private static Map<String, Field> names() {
        Map<String, Field> names = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            names.put(key(f.apiName()), f);
        }
        alias(names, Field.EMAIL, "e-mail", "email address", "e-mail address", "mail", "work email", "business email");
        alias(names, Field.FIRST_NAME, "first name", "first", "given name", "forename", "prenom", "prénom");
        alias(names, Field.LAST_NAME, "last name", "last", "surname", "family name", "nom");
        alias(names, Field.COMPANY, "company name", "organization", "organisation", "account", "account name",
                "employer", "societe", "société");
        alias(names, Field.JOB_TITLE, "title", "job", "position", "role");
        alias(names, Field.PHONE, "phone number", "telephone", "tel", "mobile", "mobile phone", "cell", "work phone");
        alias(names, Field.COUNTRY, "country code", "country name", "pays");
        alias(names, Field.MESSAGE, "comment", "comments", "notes", "note");
        // CRM and marketing-automation exports (Salesforce, HubSpot, Marketo) in English and French.
        alias(names, Field.STATE, "province", "state/province", "state or province", "state/region", "region", "région");
        alias(names, Field.WEBSITE, "company website", "web site", "site web", "site internet", "domain", "company domain",
                "company domain name", "website url");
        alias(names, Field.INDUSTRY, "secteur", "secteur d'activité", "secteur d’activité", "sector");
        alias(names, Field.EMPLOYEES, "company size", "number of employees", "no. of employees", "employee count",
                "headcount", "effectif", "effectifs");
        alias(names, Field.REVENUE, "annual revenue", "chiffre d'affaires", "chiffre d’affaires", "turnover",
                "annual turnover");
        alias(names, Field.FORM_ID, "form");
        alias(names, Field.PAGE_URL, "page", "url", "landing page");
        alias(names, Field.UTM_SOURCE, "source", "lead source");
        alias(names, Field.UTM_MEDIUM, "medium");
        alias(names, Field.UTM_CAMPAIGN, "campaign", "campaign name");
        alias(names, Field.CONSENT, "marketing consent", "opt in", "opt-in", "consent marketing", "consent.marketing");
        alias(names, Field.CONSENT_TEXT, "consent.text");
        alias(names, Field.CONSENT_VERSION, "consent.version");
        return Map.copyOf(names);
    }

    private static void alias(Map<String, Field> names, Field field, String... aliases) {
        for (String alias : aliases) {
            Field before = names.putIfAbsent(key(alias), field);
            if (before != null && before != field) {
                throw new IllegalStateException(alias + " names both " + before + " and " + field);
            }
        }
    }
}
