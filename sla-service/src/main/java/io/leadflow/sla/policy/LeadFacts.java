package io.leadflow.sla.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * What a policy may match an assigned lead on, taken from LeadAssigned. Every value is lower-case text or
 * {@code null} when the event does not carry it (a lead enrichment knew nothing about has no segment).
 *
 * @param temperature scoring's temperature: cold, warm or hot
 * @param grade       scoring's grade, fit letter and engagement digit (A1 best) or the letter alone
 * @param segment     from the company's size: smb (up to 200 employees), mid-market (201-1000), enterprise (over 1000)
 * @param source      the lead's source (utm_source or the form's): google, linkedin, webinar ...
 * @param campaign    the lead's campaign
 * @param country     ISO 3166 alpha-2 country, from enrichment's geography or the form
 * @param region      EMEA, NA, LATAM or APAC (enrichment's geography)
 * @param team        the pool routing assigned the lead in (its team)
 */
public record LeadFacts(String temperature, String grade, String segment, String source, String campaign,
                        String country, String region, String team) {

    public static final LeadFacts NONE = new LeadFacts(null, null, null, null, null, null, null, null);

    /** The facts of an assignment: the lead's own fields, enrichment's company and geography, scoring's result. */
    public static LeadFacts of(String source, String campaign, String formCountry, JsonNode enrichment, JsonNode score,
                               String pool) {
        String country = text(enrichment.path("geography").path("country"));
        return new LeadFacts(text(score.path("temperature")), text(score.path("grade")),
                segmentOf(text(enrichment.path("company").path("employeeBand"))), clean(source), clean(campaign),
                country != null ? country : clean(formCountry), text(enrichment.path("geography").path("region")),
                clean(pool));
    }

    /** The facts as the sla_lead row keeps them (absent ones left out). */
    public java.util.Map<String, String> asMap() {
        java.util.Map<String, String> map = new java.util.TreeMap<>();
        put(map, "temperature", temperature);
        put(map, "grade", grade);
        put(map, "segment", segment);
        put(map, "source", source);
        put(map, "campaign", campaign);
        put(map, "country", country);
        put(map, "region", region);
        put(map, "team", team);
        return map;
    }

    private static void put(java.util.Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The segment of an enrichment employee band; {@code null} when unknown. */
    static String segmentOf(String employeeBand) {
        if (employeeBand == null) {
            return null;
        }
        return switch (employeeBand) {
            case "1-10", "11-50", "51-200" -> "smb";
            case "201-500", "501-1000" -> "mid-market";
            case "1001-5000", "5001-10000", "10000+" -> "enterprise";
            default -> null;
        };
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? clean(node.asText()) : null;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
