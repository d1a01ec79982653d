package io.leadflow.scoring.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The example in the package documentation is a valid rule set (so the documentation cannot rot). */
class PackageDocExampleTest {

    @Test
    void theDocumentedExampleValidatesAndScores() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/leadflow/scoring/rules/package-info.java"));
        String block = source.substring(source.indexOf("<pre>{@code") + "<pre>{@code".length(), source.indexOf("}</pre>"));
        String json = block.lines().map(l -> l.replaceFirst("^\\s*\\* ?", "")).collect(Collectors.joining("\n"));

        RuleSetParseResult result = ScoringRuleSets.parse(json);

        assertThat(result.messages()).isEmpty();
        Score s = result.orElseThrow().score(Fixtures.lead(), List.of(), Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(s.reasons()).extracting(FiredRule::id).containsExactly("vp-or-above", "core-market", "good-data",
                "demo-request", "q4-campaign");
        assertThat(s.reason("core-market").evidence()).containsKeys("enrichment.company.employeeBand",
                "enrichment.geography.region", "enrichment.company.industry");
    }
}
