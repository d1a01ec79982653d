package io.leadflow.enrichment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The company behind a lead: its name, domain, industry (one of {@link Industries#TAXONOMY}), employee and revenue bands
 * ({@link CompanyBands}) and headquarters country (ISO 3166 alpha-2). Any field may be null when no source knows it.
 */
public record Company(String name, String domain, String industry, String employeeBand, String revenueBand, String country) {

    /** The fields a company has, as named in provenance ({@code company.<field>}) and in a provider's field mapping. */
    public static final List<String> FIELDS = List.of("name", "domain", "industry", "employeeBand", "revenueBand", "country");

    /**
     * One source of company facts: {@code form} (what the person typed), {@code rule:email-domain} (the business address's
     * domain), {@code provider:<name>}; its confidence in [0, 1].
     */
    public record Source(String name, double confidence, CompanyFacts facts) {
    }

    /** The merged company, where each field came from ({@code company.name -> form}), and the fields no source knew. */
    public record Merged(Company company, Map<String, String> provenance, Set<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /**
     * Merges the sources field by field: a field takes the value of the most confident source that gives a usable one
     * (an industry the taxonomy knows, a size with a number, a known country code). Ties go to the source listed first,
     * so the form, listed first, is never overwritten by a provider that is not more confident than the form.
     */
    public static Merged merge(List<Source> sources, Geography geography) {
        List<Source> ranked = new ArrayList<>(sources);
        ranked.sort(Comparator.comparingDouble(Source::confidence).reversed()); // stable: ties keep the given order
        Map<String, String> provenance = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        String name = pick("name", ranked, f -> text(f.name()), provenance, missing);
        String domain = pick("domain", ranked, f -> text(f.domain()), provenance, missing);
        String industry = pick("industry", ranked, f -> known(Industries.of(f.industry())), provenance, missing);
        if (industry == null) {
            // Described, but in words the taxonomy does not know: "other", still missing so that a provider may know better.
            industry = pick("industry", ranked, f -> Industries.of(f.industry()), provenance, new LinkedHashSet<>());
        }
        String employees = pick("employeeBand", ranked, f -> CompanyBands.employees(f.employees()), provenance, missing);
        String revenue = pick("revenueBand", ranked, f -> CompanyBands.revenue(f.revenue()), provenance, missing);
        String country = pick("country", ranked, f -> geography.of(f.country()).country(), provenance, missing);
        return new Merged(new Company(name, domain, industry, employees, revenue, country), provenance, missing);
    }

    private static String pick(String field, List<Source> ranked, Function<CompanyFacts, String> value,
                               Map<String, String> provenance, Set<String> missing) {
        for (Source source : ranked) {
            String v = source.facts() == null ? null : value.apply(source.facts());
            if (v != null) {
                provenance.put("company." + field, source.name());
                return v;
            }
        }
        missing.add(field);
        return null;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // "other" says only that the text named no industry we know: a later source may know better.
    private static String known(String industry) {
        return "other".equals(industry) ? null : industry;
    }
}
