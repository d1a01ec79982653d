package io.leadflow.scoring.domain;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.scoring.rules.ScoringRuleSets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A release that ships a new default rule set never swaps what RevOps runs: the new version arrives as a draft. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ShippedRuleSetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RuleSets ruleSets;

    @Test
    void aLaterShippedVersionArrivesAsADraftAndTheActiveOneStays() throws Exception {
        String active = ruleSets.active().version();
        String next = "shipped-" + UUID.randomUUID().toString().substring(0, 8);
        String definition;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ScoringRuleSets.DEFAULT_RESOURCE)) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"version\": \"default-2\"", "\"version\": \"" + next + "\"");
        }
        assertThat(ScoringRuleSets.parse(definition).orElseThrow().version()).isEqualTo(next);

        ruleSets.installShipped(next, definition).await().atMost(WAIT);
        ruleSets.installShipped(next, definition).await().atMost(WAIT); // every start: no second row, no error

        RuleSets.Version stored = ruleSets.find(next).await().atMost(WAIT);
        assertThat(stored.status()).isEqualTo("draft");
        assertThat(stored.createdBy()).isEqualTo("leadflow");
        assertThat(stored.activatedAt()).isNull();
        assertThat(ruleSets.find(active).await().atMost(WAIT).status()).isEqualTo("active");
        assertThat(ScoringRuleSets.defaultRuleSet().version()).isEqualTo("default-2");
    }
}
