package io.leadflow.routing.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The complete example of the README's "Routing rules" section is a valid rule set that decides as it says. */
class RoutingReadmeExampleTest {

    private static RoutingRuleSet documented() throws Exception {
        Path readme = Path.of(System.getProperty("leadflow.repo.dir", ".."), "routing-service", "README.md");
        String text = Files.readString(Files.exists(readme) ? readme : Path.of("README.md"));
        int section = text.indexOf("## Routing rules");
        assertThat(section).as("the README has a Routing rules section").isNotNegative();
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text.substring(section));
        assertThat(json.find()).as("a json block in the Routing rules section").isTrue();
        return RoutingRules.parse(json.group(1)).orElseThrow();
    }

    @Test
    void theDocumentedExampleParsesAndDecidesAsDocumented() throws Exception {
        RoutingRuleSet rules = documented();
        assertThat(rules.version()).isEqualTo("2026-12-revops-1");
        assertThat(rules.rules()).extracting(RoutingRule::id).startsWith("named-account", "enterprise-na", "vip");
        assertThat(rules.experiment().orElseThrow().shareB()).isEqualTo(50);

        // Variant A (bucket 99): an owned account goes to its owner, else to the owner's pool.
        RuleDecision a = rules.decide(RuleSetFixtures.lead());
        assertThat(a.variant()).isEqualTo(Variant.A);
        assertThat(a.ruleId()).isEqualTo("named-account");
        assertThat(a.route()).isEqualTo(new Route.AccountOwner("acc-42", "sdr-9", null));

        // Variant B (bucket 7): the same lead goes to the enterprise pool.
        RuleDecision b = rules.decide(RuleSetFixtures.lead("lead-3"));
        assertThat(b.variant()).isEqualTo(Variant.B);
        assertThat(b.route()).isEqualTo(new Route.Pool("enterprise-na"));

        // Without an account: territory and segment.
        ObjectNode unowned = RuleSetFixtures.leadJson();
        ((ObjectNode) unowned.get("enrichment")).remove("account");
        RuleDecision segment = rules.decide(RoutingFacts.of(unowned));
        assertThat(segment.ruleId()).isEqualTo("enterprise-na");
        assertThat(segment.evidence()).containsEntry("enrichment.company.employeeBand", "1001-5000");
    }
}
