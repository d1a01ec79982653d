package io.leadflow.routing.messaging.out;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.ScoredLead;
import io.leadflow.routing.rules.RuleDecision;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of LeadUnmatched on leads.routing.v1 (contract: contracts/.../LeadUnmatched.schema.json). */
public record LeadUnmatched(String ruleSetVersion, String variant, String poolId, String outcome, String sdrId,
                            Map<String, String> facts) {

    public static final String TYPE = "LeadUnmatched";

    public static LeadUnmatched of(RuleDecision decision, ScoredLead scored, String poolId, String outcome, String sdrId) {
        Map<String, String> facts = new LinkedHashMap<>();
        JsonNode lead = scored.lead();
        JsonNode enrichment = scored.enrichment();
        JsonNode geography = enrichment == null ? null : enrichment.path("geography");
        JsonNode company = enrichment == null ? null : enrichment.path("company");
        facts.put("country", text(geography, "country", text(lead, "country", null)));
        facts.put("region", text(geography, "region", null));
        facts.put("state", text(geography, "state", null));
        facts.put("source", text(lead, "source", null));
        facts.put("campaign", text(lead, "campaign", null));
        facts.put("industry", text(company, "industry", null));
        facts.put("employeeBand", text(company, "employeeBand", null));
        facts.put("grade", scored.grade());
        return new LeadUnmatched(decision.ruleSetVersion(), decision.variant().name(), poolId, outcome, sdrId, facts);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : otherwise;
    }
}
