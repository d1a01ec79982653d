package io.leadflow.routing.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.leadflow.routing.rules.RuleSetFixtures.compile;
import static io.leadflow.routing.rules.RuleSetFixtures.leaf;
import static io.leadflow.routing.rules.RuleSetFixtures.lead;
import static io.leadflow.routing.rules.RuleSetFixtures.leadJson;
import static io.leadflow.routing.rules.RuleSetFixtures.rule;
import static io.leadflow.routing.rules.RuleSetFixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/** Ordered rules, first match wins, catch-all, the three kinds of route, and the evidence of a decision. */
class RoutingDecisionTest {

    private static final String NA = leaf("enrichment.geography.region", "eq", "\"NA\"");
    private static final String EMEA = leaf("enrichment.geography.region", "eq", "\"EMEA\"");
    private static final String ENTERPRISE = leaf("enrichment.company.employeeBand", "in",
            "[\"1001-5000\", \"5001-10000\", \"10000+\"]");

    @Test
    void theFirstRuleThatMatchesDecidesAndLaterOnesAreNotTried() {
        RoutingRuleSet rules = compile(ruleSet(String.join(", ",
                rule("emea", EMEA, "{ \"pool\": \"emea\" }"),
                rule("enterprise-na", "{ \"all\": [" + NA + ", " + ENTERPRISE + "] }", "{ \"pool\": \"enterprise-na\" }"),
                rule("na", NA, "{ \"pool\": \"na\" }"))));
        RuleDecision decision = rules.decide(lead());
        assertThat(decision.ruleId()).isEqualTo("enterprise-na");
        assertThat(decision.route()).isEqualTo(new Route.Pool("enterprise-na"));
        assertThat(decision.catchAll()).isFalse();
        assertThat(decision.variant()).isEqualTo(Variant.A);
        assertThat(decision.experimentId()).isNull();
        assertThat(decision.bucket()).isNull();
        assertThat(decision.ruleSetVersion()).isEqualTo("test-1");
        assertThat(decision.evidence()).containsExactly(Map.entry("enrichment.geography.region", "NA"),
                Map.entry("enrichment.company.employeeBand", "1001-5000"));
    }

    @Test
    void aLeadNoRuleMatchesGoesToTheCatchAllWithoutEvidence() {
        RoutingRuleSet rules = compile(ruleSet(rule("emea", EMEA, "{ \"pool\": \"emea\" }")));
        RuleDecision decision = rules.decide(lead());
        assertThat(decision.ruleId()).isEqualTo(RoutingRules.CATCH_ALL);
        assertThat(decision.catchAll()).isTrue();
        assertThat(decision.route()).isEqualTo(new Route.Pool("catch-all"));
        assertThat(decision.evidence()).isEmpty();
    }

    @Test
    void aFailedRuleLeavesNoEvidenceForTheOneThatMatches() {
        RoutingRuleSet rules = compile(ruleSet(String.join(", ",
                rule("almost", "{ \"all\": [" + ENTERPRISE + ", " + EMEA + "] }", "{ \"pool\": \"emea\" }"),
                rule("vip", leaf("score.grade", "in", "[\"A1\", \"A2\"]"), "{ \"sdr\": \"sdr-7\" }"))));
        RuleDecision decision = rules.decide(lead());
        assertThat(decision.route()).isEqualTo(new Route.Sdr("sdr-7"));
        assertThat(decision.evidence()).containsExactly(Map.entry("score.grade", "A1"));
    }

    @Test
    void theAccountOwnerRouteCarriesTheAccountTheOwnerAndTheFallback() {
        String owned = leaf("enrichment.account.ownerId", "exists", null);
        RoutingRuleSet ownersPool = compile(ruleSet(rule("named-account", owned,
                "{ \"accountOwner\": { \"else\": \"owner-pool\" } }")));
        RuleDecision decision = ownersPool.decide(lead());
        assertThat(decision.route()).isEqualTo(new Route.AccountOwner("acc-42", "sdr-9", null));
        assertThat(((Route.AccountOwner) decision.route()).elseOwnersPool()).isTrue();
        assertThat(decision.route().label()).isEqualTo("accountOwner:sdr-9 else owner-pool");
        assertThat(decision.evidence()).containsExactly(Map.entry("enrichment.account.ownerId", "sdr-9"));

        RoutingRuleSet namedPool = compile(ruleSet(rule("named-account", leaf("enrichment.account.accountId", "exists", null),
                "{ \"accountOwner\": { \"else\": { \"pool\": \"enterprise-na\" } } }")));
        assertThat(namedPool.decide(lead()).route()).isEqualTo(new Route.AccountOwner("acc-42", "sdr-9", "enterprise-na"));
        assertThat(namedPool.pools()).containsExactly("enterprise-na", "catch-all");

        // The event knows the account but not its owner: the route says so, and the caller resolves the owner.
        ObjectNode ownerless = leadJson();
        ((ObjectNode) ownerless.at("/enrichment/account")).remove("ownerId");
        RuleDecision unresolved = namedPool.decide(RoutingFacts.of(ownerless));
        assertThat(unresolved.route()).isEqualTo(new Route.AccountOwner("acc-42", null, "enterprise-na"));
        assertThat(unresolved.route().label()).isEqualTo("accountOwner else pool:enterprise-na");
        // ... and a rule on the owner itself lets such leads fall through to the next rule.
        assertThat(ownersPool.decide(RoutingFacts.of(ownerless)).catchAll()).isTrue();
        // "else" left out is the owner's own pool.
        assertThat(compile(ruleSet(rule("o", owned, "{ \"accountOwner\": {} }"))).decide(lead()).route())
                .isEqualTo(new Route.AccountOwner("acc-42", "sdr-9", null));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "lead.country                  | eq       | \"us\"                       | true",
            "lead.state                    | eq       | \"california\"               | true",
            "enrichment.geography.state    | in       | [\"US-CA\", \"US-WA\"]       | true",
            "enrichment.company.industry   | eq       | \"software_internet\"        | true",
            "lead.source                   | eq       | \"LinkedIn\"                 | true",
            "lead.campaign                 | contains | \"enterprise\"               | true",
            "lead.language                 | exists   | false                        | true",
            "lead.productInterest          | eq       | \"routing\"                  | false",
            "score.value                   | gte      | 80                           | true",
            "score.value                   | between  | [40, 79]                     | false",
            "score.grade                   | in       | [\"A1\", \"A2\", \"B1\"]     | true",
            "score.temperature             | eq       | \"hot\"                      | true",
            "score.mql                     | eq       | true                         | true",
            "conversion.probability        | gte      | 0.6                          | true",
            "conversion.probability        | gte      | 0.7                          | false",
            "enrichment.account.accountId  | exists   |                              | true",
            "enrichment.account.method     | eq       | \"domain\"                   | true",
            "enrichment.account.confidence | gte      | 0.9                          | true",
            "enrichment.geography.timeZone | endsWith | \"los_angeles\"              | true",
    })
    void conditionsOverAnyLeadField(String field, String op, String value, boolean matches) {
        RoutingRuleSet rules = compile(ruleSet(rule("r", leaf(field, op, value), "{ \"pool\": \"p\" }")));
        assertThat(rules.decide(lead()).ruleId()).as(field + " " + op + " " + value).isEqualTo(matches ? "r" : "catch-all");
    }

    @Test
    void factsFromSnapshotsDecideLikeTheEvent() {
        ObjectNode event = leadJson();
        RoutingFacts parts = RoutingFacts.of(event.get("leadId").asText(), event.get("lead"), event.get("enrichment"),
                event.get("score"), null);
        RoutingRuleSet rules = compile(ruleSet(String.join(", ",
                rule("likely", leaf("conversion.probability", "gte", "0.5"), "{ \"pool\": \"likely\" }"),
                rule("hot", leaf("score.temperature", "eq", "\"hot\""), "{ \"pool\": \"hot\" }"))));
        assertThat(rules.decide(RoutingFacts.of(event)).ruleId()).isEqualTo("likely");
        assertThat(rules.decide(parts).ruleId()).as("no conversion: the rule on it does not match").isEqualTo("hot");
        assertThat(parts.leadId()).isEqualTo("0193a5b0-0000-7000-8000-0000000000aa");
        assertThat(RoutingFacts.parse(RuleSetFixtures.LEAD).leadId()).isEqualTo(parts.leadId());
    }

    @Test
    void theShippedDefaultSendsEveryLeadToPoolDefault() {
        RoutingRuleSet shipped = RoutingRules.defaultRuleSet();
        assertThat(shipped.version()).isEqualTo("default-1");
        for (RoutingFacts facts : new RoutingFacts[] {lead(), RoutingFacts.parse(EventContracts.example("LeadScored")),
                RoutingFacts.parse("{}")}) {
            RuleDecision decision = shipped.decide(facts);
            assertThat(decision.route()).isEqualTo(new Route.Pool("default"));
            assertThat(decision.catchAll()).isTrue();
        }
    }

    @Test
    void evidenceOfANotIsTheValueItRead() {
        RoutingRuleSet rules = compile(ruleSet(rule("not-student", "{ \"not\": " + leaf("enrichment.person.seniority", "eq",
                "\"student\"") + " }", "{ \"pool\": \"p\" }")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("enrichment.person.seniority", "vp");
        assertThat(rules.decide(lead()).evidence()).isEqualTo(expected);
    }
}
