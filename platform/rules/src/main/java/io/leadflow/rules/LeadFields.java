package io.leadflow.rules;

/**
 * The fields of a lead as every event after capture carries it: the {@code lead} snapshot and what enrichment
 * derived ({@code enrichment}), read by path from the JSON as it is (a new enrichment field needs only a line
 * here, no code). Enum values come from LeadEnriched.schema.json; {@code null} in a schema enum is "absent".
 * Scoring and routing start their catalogues with these and add their own.
 */
public final class LeadFields {

    private LeadFields() {
    }

    /** Adds the {@code lead.*} and {@code enrichment.*} fields, in documentation order. */
    public static FieldCatalog.Builder addTo(FieldCatalog.Builder m) {
        // lead: the snapshot as captured
        m.text("lead.email", "the address as typed");
        m.text("lead.formId", "the form submitted, e.g. demo-request");
        m.text("lead.source", "utm source, e.g. google");
        m.text("lead.medium", "utm medium, e.g. cpc");
        m.text("lead.campaign", "utm campaign");
        m.text("lead.pageUrl", "the page the form was on");
        m.text("lead.country", "ISO 3166 alpha-2 as typed");
        m.text("lead.jobTitle", "the title as typed");
        m.text("lead.company", "the company as typed");
        m.text("lead.industry", "the industry as typed");
        m.text("lead.employees", "the company size as typed");
        m.text("lead.message", "the message the lead wrote");
        m.bool("lead.doNotContact", "the person asked not to be contacted");
        // enrichment: what enrichment derived
        m.text("enrichment.emailDomain", "the address's domain");
        m.enumField("enrichment.emailClass", "business, personal or throw-away address",
                "business", "personal", "disposable");
        m.text("enrichment.companyDomain", "the company's domain, from a business address");
        m.bool("enrichment.roleAccount", "a function's address (info@, sales@), not a person's");
        m.bool("enrichment.phone.valid", "the phone fits its country's numbering plan");
        m.enumField("enrichment.phone.type", "the phone's line type", "fixed_line", "mobile",
                "fixed_line_or_mobile", "toll_free", "premium_rate", "shared_cost", "voip", "personal_number", "pager",
                "uan", "voicemail", "unknown");
        m.text("enrichment.geography.country", "ISO 3166 alpha-2: the form's, else the phone's");
        m.enumField("enrichment.geography.region", "the sales region", "EMEA", "NA", "LATAM", "APAC");
        m.text("enrichment.geography.state", "US state or Canadian province, ISO 3166-2 (US-CA)");
        m.enumField("enrichment.person.seniority", "from the job title", "c_level", "vp", "director", "manager",
                "individual_contributor", "student", "unknown");
        m.enumField("enrichment.person.department", "from the job title", "sales", "marketing", "engineering_it",
                "product", "finance", "hr", "operations", "customer_success", "executive", "other", "unknown");
        m.bool("enrichment.person.decisionMaker", "C-level, VP, director or head");
        m.text("enrichment.company.name", "the company's name");
        m.text("enrichment.company.domain", "the company's domain");
        m.enumField("enrichment.company.industry", "enrichment's industry taxonomy", "software_internet",
                "it_services", "hardware_electronics", "telecom_media", "financial_services",
                "healthcare_life_sciences", "manufacturing_industrial", "energy_utilities", "materials_chemicals",
                "retail_consumer", "food_beverage_agriculture", "transport_logistics", "construction_real_estate",
                "professional_services", "education", "public_sector_nonprofit", "hospitality_travel_leisure",
                "other");
        m.enumField("enrichment.company.employeeBand", "head count band", "1-10", "11-50", "51-200", "201-500",
                "501-1000", "1001-5000", "5001-10000", "10000+");
        m.enumField("enrichment.company.revenueBand", "revenue band", "<1M", "1M-10M", "10M-50M", "50M-100M",
                "100M-500M", "500M-1B", "1B+");
        m.text("enrichment.company.country", "headquarters, ISO 3166 alpha-2");
        m.number("enrichment.quality.score", "data quality 0-100");
        m.text("enrichment.account.accountId", "the known account the lead matched (enrichment's account match;"
                + " absent when none)");
        m.bool("enrichment.partial", "enrichment ran out of time; a later revision follows");
        return m;
    }
}
