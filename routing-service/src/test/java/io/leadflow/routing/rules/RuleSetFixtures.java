package io.leadflow.routing.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small routing rule sets and leads for the rule tests. */
final class RuleSetFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleSetFixtures() {
    }

    /** A rule set {@code test-1} with these rules (JSON array items) and catch-all pool {@code catch-all}. */
    static String ruleSet(String rules) {
        return """
                { "version": "test-1", "rules": [ %s ], "catchAll": { "pool": "catch-all" } }""".formatted(rules);
    }

    static RoutingRuleSet compile(String json) {
        return RoutingRules.parse(json).orElseThrow();
    }

    /** A rule with this id, condition and route. */
    static String rule(String id, String when, String route) {
        return "{ \"id\": \"" + id + "\", \"when\": " + when + ", \"route\": " + route + " }";
    }

    static String leaf(String field, String op, String value) {
        return "{ \"field\": \"" + field + "\", \"op\": \"" + op + "\"" + (value == null ? "" : ", \"value\": " + value) + " }";
    }

    /**
     * A LeadScored for a VP at a 1001-5000 software company in California (NA), matched to account acc-42 owned by
     * sdr-9; score 82, A1, hot, MQL; conversion 0.64.
     */
    static final String LEAD = """
            {
              "leadId": "0193a5b0-0000-7000-8000-0000000000aa",
              "eventType": "LeadScored",
              "lead": { "email": "grace@initech.com", "country": "US", "state": "California", "source": "linkedin",
                        "medium": "paid-social", "campaign": "Q4-Enterprise", "formId": "demo-request",
                        "doNotContact": false },
              "enrichment": {
                "emailDomain": "initech.com", "emailClass": "business",
                "geography": { "country": "US", "region": "NA", "state": "US-CA", "timeZone": "America/Los_Angeles" },
                "person": { "seniority": "vp", "department": "sales", "decisionMaker": true },
                "company": { "name": "Initech", "industry": "software_internet", "employeeBand": "1001-5000" },
                "account": { "accountId": "acc-42", "ownerId": "sdr-9", "confidence": 1.0, "method": "domain" }
              },
              "score": { "value": 82, "grade": "A1", "temperature": "hot", "mql": true, "ruleSetVersion": "default-2",
                         "reasons": [] },
              "conversion": { "probability": 0.64, "modelVersion": 3, "factors": [] }
            }
            """;

    static ObjectNode leadJson() {
        try {
            return (ObjectNode) JSON.readTree(LEAD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RoutingFacts lead() {
        return RoutingFacts.of(leadJson());
    }

    /** The lead with another id (and otherwise the same facts). */
    static RoutingFacts lead(String leadId) {
        return RoutingFacts.of(leadJson().put("leadId", leadId));
    }
}
