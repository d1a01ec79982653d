package io.leadflow.scoring.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small rule sets and leads for the rule-engine tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A rule set with caps fit 50 / engagement 30 / intent 40, MQL 60, warm 40, hot 70 and these rules. */
    static String ruleSet(String rules) {
        return """
                {
                  "version": "test-1",
                  "mqlThreshold": 60,
                  "caps": { "fit": 50, "engagement": 30, "intent": 40 },
                  "temperature": { "warm": 40, "hot": 70 },
                  "grade": { "fit": { "A": 40, "B": 25, "C": 10 }, "engagement": { "1": 20, "2": 10, "3": 3 } },
                  "engagement": { "halfLife": "P14D", "points": { "page_view": 2, "pricing_page_visit": 10 } },
                  "rules": [ %s ]
                }
                """.formatted(rules);
    }

    /** A compiled rule set with a single fit rule worth 10 points firing on {@code when}. */
    static ScoringRuleSet oneRule(String when) {
        return ScoringRuleSets.parse(ruleSet("{ \"id\": \"r\", \"dimension\": \"fit\", \"points\": 10, \"when\": "
                + when + " }")).orElseThrow();
    }

    static ScoringRuleSet compile(String json) {
        return ScoringRuleSets.parse(json).orElseThrow();
    }

    /** A VP of sales at a 51-200 company, EMEA, business e-mail, quality 80, no industry (null). */
    static final String LEAD = """
            {
              "leadId": "lead-1",
              "lead": { "email": "Ada@Acme-Robotics.com", "formId": "demo-request", "campaign": "q4-Demo",
                        "doNotContact": false },
              "enrichment": {
                "emailDomain": "acme-robotics.com", "emailClass": "business", "roleAccount": false,
                "person": { "seniority": "vp", "department": "sales" },
                "company": { "employeeBand": "51-200", "industry": null },
                "geography": { "region": "EMEA", "country": "GB" },
                "quality": { "score": 80 }
              }
            }
            """;

    static ScoringFacts lead() {
        return ScoringFacts.parse(LEAD);
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
