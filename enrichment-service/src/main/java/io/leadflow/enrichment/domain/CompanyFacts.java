package io.leadflow.enrichment.domain;

/**
 * What one source says about a company, as it says it: free text that {@link Company#merge} normalises (industry to the
 * taxonomy, sizes to bands, the country to its ISO code). Any field may be null.
 */
public record CompanyFacts(String name, String domain, String industry, String employees, String revenue, String country) {

    public static final CompanyFacts NONE = new CompanyFacts(null, null, null, null, null, null);

    /** No field known (not a bean property: the facts are serialised to the cache and the API). */
    public boolean knowsNothing() {
        return blank(name) && blank(domain) && blank(industry) && blank(employees) && blank(revenue) && blank(country);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
