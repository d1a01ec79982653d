package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XEducationMappingTest {

    private static final List<String> AFTER_CONTACT = List.of("Tags", "Lead Quality", "Lead Profile",
            "Asymmetrique Activity Index", "Asymmetrique Profile Index", "Asymmetrique Activity Score",
            "Asymmetrique Profile Score", "Last Notable Activity", "Last Activity");

    @Test
    void everyAfterContactColumnIsExcludedWithItsReason() {
        assertThat(XEducation.MAPPING.excludedAttributes()).containsAll(AFTER_CONTACT);
        assertThat(XEducation.MAPPING.excluded()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    @Test
    void theExcludedColumnsAreReadButNeverLearntFrom() {
        List<Outcome> outcomes = XEducation.outcomes();
        LogisticRegression model = LogisticRegression.train(XEducation.MAPPING.featureSpec(), outcomes,
                LogisticRegression.Settings.defaults(), Instant.EPOCH);

        assertThat(outcomes).hasSize(7_396);
        assertThat(outcomes.stream().filter(Outcome::won)).hasSize(2_857);
        assertThat(outcomes.get(1).lead()).containsEntry("Tags", "Ringing").containsEntry("TotalVisits", 5.0);
        assertThat(model.features().names())
                .noneMatch(name -> AFTER_CONTACT.stream().anyMatch(column -> name.startsWith(column + " ")));
        assertThat(model.features().names()).contains("Lead Source = Reference", "Lead Source = __missing__",
                "Specialization = __missing__", "TotalVisits (log, standardised)");
        // "Select" is the form's unanswered placeholder, and "google" is Google
        assertThat(model.features().names()).noneMatch(name -> name.endsWith("= Select") || name.endsWith("= google"));
    }
}
