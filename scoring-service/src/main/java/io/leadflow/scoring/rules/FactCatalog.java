package io.leadflow.scoring.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whitelist of facts a rule may test. Paths starting {@code lead.} and {@code enrichment.} are
 * read from the LeadEnriched JSON as they are (a new enrichment field needs only a line here, no
 * code); {@code engagement.*} are counters computed from the lead's engagements at scoring time.
 * Enum values come from the contracts' schemas; {@code null} in a schema enum is "absent" here.
 */
public final class FactCatalog {

    /**
     * LeadEngaged's engagement types (schema enum), in schema order, then {@code reply}: a LeadTouched from routing
     * where the person answered the SDR (connected, replied, meeting booked).
     */
    public static final List<String> ENGAGEMENT_TYPES = List.of("page_view", "pricing_page_visit", "email_open",
            "email_click", "content_download", "webinar_attended", "demo_request", "reply");

    /** Prefix of the per-type engagement counters, e.g. {@code engagement.count.pricing_page_visit}. */
    static final String COUNT_PREFIX = "engagement.count.";
    static final String ENGAGEMENT_TOTAL = "engagement.total";
    static final String DAYS_SINCE_LAST = "engagement.daysSinceLast";

    private static final Map<String, FactField> FIELDS = build();

    private FactCatalog() {
    }

    /** Every known field by path, in documentation order. */
    public static Map<String, FactField> fields() {
        return FIELDS;
    }

    /** The field with this path, or {@code null}. */
    public static FactField field(String path) {
        return FIELDS.get(path);
    }

    private static Map<String, FactField> build() {
        Map<String, FactField> m = new LinkedHashMap<>();
        // lead: the snapshot as captured
        text(m, "lead.email", "the address as typed");
        text(m, "lead.formId", "the form submitted, e.g. demo-request");
        text(m, "lead.source", "utm source, e.g. google");
        text(m, "lead.medium", "utm medium, e.g. cpc");
        text(m, "lead.campaign", "utm campaign");
        text(m, "lead.pageUrl", "the page the form was on");
        text(m, "lead.country", "ISO 3166 alpha-2 as typed");
        text(m, "lead.jobTitle", "the title as typed");
        text(m, "lead.company", "the company as typed");
        text(m, "lead.industry", "the industry as typed");
        text(m, "lead.employees", "the company size as typed");
        text(m, "lead.message", "the message the lead wrote");
        bool(m, "lead.doNotContact", "the person asked not to be contacted");
        // enrichment: what enrichment derived
        text(m, "enrichment.emailDomain", "the address's domain");
        enumField(m, "enrichment.emailClass", "business, personal or throw-away address",
                "business", "personal", "disposable");
        text(m, "enrichment.companyDomain", "the company's domain, from a business address");
        bool(m, "enrichment.roleAccount", "a function's address (info@, sales@), not a person's");
        bool(m, "enrichment.phone.valid", "the phone fits its country's numbering plan");
        enumField(m, "enrichment.phone.type", "the phone's line type", "fixed_line", "mobile",
                "fixed_line_or_mobile", "toll_free", "premium_rate", "shared_cost", "voip", "personal_number", "pager",
                "uan", "voicemail", "unknown");
        text(m, "enrichment.geography.country", "ISO 3166 alpha-2: the form's, else the phone's");
        enumField(m, "enrichment.geography.region", "the sales region", "EMEA", "NA", "LATAM", "APAC");
        text(m, "enrichment.geography.state", "US state or Canadian province, ISO 3166-2 (US-CA)");
        enumField(m, "enrichment.person.seniority", "from the job title", "c_level", "vp", "director", "manager",
                "individual_contributor", "student", "unknown");
        enumField(m, "enrichment.person.department", "from the job title", "sales", "marketing", "engineering_it",
                "product", "finance", "hr", "operations", "customer_success", "executive", "other", "unknown");
        bool(m, "enrichment.person.decisionMaker", "C-level, VP, director or head");
        text(m, "enrichment.company.name", "the company's name");
        text(m, "enrichment.company.domain", "the company's domain");
        enumField(m, "enrichment.company.industry", "enrichment's industry taxonomy", "software_internet",
                "it_services", "hardware_electronics", "telecom_media", "financial_services",
                "healthcare_life_sciences", "manufacturing_industrial", "energy_utilities", "materials_chemicals",
                "retail_consumer", "food_beverage_agriculture", "transport_logistics", "construction_real_estate",
                "professional_services", "education", "public_sector_nonprofit", "hospitality_travel_leisure",
                "other");
        enumField(m, "enrichment.company.employeeBand", "head count band", "1-10", "11-50", "51-200", "201-500",
                "501-1000", "1001-5000", "5001-10000", "10000+");
        enumField(m, "enrichment.company.revenueBand", "revenue band", "<1M", "1M-10M", "10M-50M", "50M-100M",
                "100M-500M", "500M-1B", "1B+");
        text(m, "enrichment.company.country", "headquarters, ISO 3166 alpha-2");
        number(m, "enrichment.quality.score", "data quality 0-100");
        text(m, "enrichment.account.accountId", "the CRM account the lead matched (not yet in the contract: absent until"
                + " account matching ships)");
        bool(m, "enrichment.partial", "enrichment ran out of time; a later revision follows");
        // engagement: counters over the lead's engagements up to the scoring instant (not decayed)
        for (String type : ENGAGEMENT_TYPES) {
            number(m, COUNT_PREFIX + type, "how many " + type + " engagements the lead has");
        }
        number(m, ENGAGEMENT_TOTAL, "how many engagements of any type the lead has");
        number(m, DAYS_SINCE_LAST, "days (fractional) since the latest engagement; absent when none");
        return Collections.unmodifiableMap(m);
    }

    private static void text(Map<String, FactField> m, String path, String description) {
        m.put(path, new FactField(path, FactField.Type.TEXT, List.of(), description));
    }

    private static void bool(Map<String, FactField> m, String path, String description) {
        m.put(path, new FactField(path, FactField.Type.BOOLEAN, List.of(), description));
    }

    private static void number(Map<String, FactField> m, String path, String description) {
        m.put(path, new FactField(path, FactField.Type.NUMBER, List.of(), description));
    }

    private static void enumField(Map<String, FactField> m, String path, String description, String... values) {
        m.put(path, new FactField(path, FactField.Type.ENUM, new ArrayList<>(List.of(values)), description));
    }
}
