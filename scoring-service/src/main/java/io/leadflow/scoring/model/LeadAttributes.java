package io.leadflow.scoring.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the conversion model learns from, read from LeadEnriched: what is known when the lead arrives (the form, the
 * campaign and enrichment) and what the lead itself did (its engagements counted per type), never what sales adds
 * after contact. Categorical values as text, the data-quality score and the counts as numbers; a missing value is
 * left out (the features give it its own level).
 */
public final class LeadAttributes {

    /** Attribute name -> where it is in LeadEnriched ({@code enrichment.<path>} or {@code lead.<path>}). */
    private static final Map<String, String> CATEGORICAL = new LinkedHashMap<>();

    static {
        CATEGORICAL.put("emailClass", "enrichment/emailClass");
        CATEGORICAL.put("roleAccount", "enrichment/roleAccount");
        CATEGORICAL.put("seniority", "enrichment/person/seniority");
        CATEGORICAL.put("department", "enrichment/person/department");
        CATEGORICAL.put("decisionMaker", "enrichment/person/decisionMaker");
        CATEGORICAL.put("industry", "enrichment/company/industry");
        CATEGORICAL.put("employeeBand", "enrichment/company/employeeBand");
        CATEGORICAL.put("revenueBand", "enrichment/company/revenueBand");
        CATEGORICAL.put("region", "enrichment/geography/region");
        CATEGORICAL.put("country", "enrichment/geography/country");
        CATEGORICAL.put("phoneType", "enrichment/phone/type");
        CATEGORICAL.put("source", "lead/source");
        CATEGORICAL.put("medium", "lead/medium");
        CATEGORICAL.put("campaign", "lead/campaign");
        CATEGORICAL.put("formId", "lead/formId");
    }

    /**
     * The engagement types counted, the lead's own behaviour (capture's LeadEngaged). A {@code reply} to an SDR is not
     * one of them: it only exists after sales contact, and a model fed it would learn the SDR's work, not the lead.
     */
    public static final List<String> ENGAGEMENT_TYPES = List.of("page_view", "pricing_page_visit", "email_open",
            "email_click", "content_download", "webinar_attended", "demo_request");

    private LeadAttributes() {
    }

    /** As {@link #of(JsonNode, JsonNode)}, with the lead's engagements counted per type ({@code engagement.<type>}). */
    public static Map<String, Object> of(JsonNode lead, JsonNode enrichment, List<String> engagementTypes) {
        Map<String, Object> attributes = of(lead, enrichment);
        Map<String, Integer> counts = new LinkedHashMap<>();
        ENGAGEMENT_TYPES.forEach(type -> counts.put(type, 0));
        for (String type : engagementTypes) {
            counts.computeIfPresent(type, (t, n) -> n + 1);
        }
        counts.forEach((type, n) -> attributes.put("engagement." + type, n));
        return attributes;
    }

    /** The attributes of a lead from LeadEnriched's {@code lead} and {@code enrichment} objects. */
    public static Map<String, Object> of(JsonNode lead, JsonNode enrichment) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        CATEGORICAL.forEach((name, path) -> {
            JsonNode root = path.startsWith("lead/") ? lead : enrichment;
            JsonNode value = root == null ? null : root.at(path.substring(path.indexOf('/')));
            if (value != null && !value.isMissingNode() && !value.isNull() && !value.asText().isBlank()) {
                attributes.put(name, value.asText());
            }
        });
        if (enrichment != null) {
            attributes.put("accountMatched", enrichment.path("account").isObject() ? "true" : "false");
            JsonNode quality = enrichment.at("/quality/score");
            if (quality.isNumber()) {
                attributes.put("dataQuality", quality.asDouble());
            }
        }
        return attributes;
    }

    /**
     * The features the service learns: every attribute above, less the excluded ones (the leakage guard: an
     * attribute that only exists after sales contact would teach the model the answer).
     */
    public static FeatureSpec spec(Set<String> excluded, int minCount, int bins) {
        List<Attribute> attributes = new ArrayList<>();
        CATEGORICAL.keySet().forEach(name -> attributes.add(new Attribute(name, AttributeType.CATEGORICAL)));
        attributes.add(new Attribute("accountMatched", AttributeType.CATEGORICAL));
        attributes.add(new Attribute("dataQuality", AttributeType.NUMERIC));
        ENGAGEMENT_TYPES.forEach(type -> attributes.add(new Attribute("engagement." + type, AttributeType.COUNT)));
        return new FeatureSpec(attributes, excluded, Set.of(), minCount, bins);
    }
}
