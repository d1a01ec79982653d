package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataQualityTest {

    private static final PhoneFacts GOOD_PHONE = new PhoneFacts("+442079460958", true, "fixed_line", "GB");

    @Test
    void aCompleteBusinessLeadHasNoIssues() {
        DataQuality q = DataQuality.of(new DataQuality.Facts("Ada", "Lovelace", "Acme Robotics", "VP Sales", "business",
                false, GOOD_PHONE, "GB", "vp"));
        assertThat(q.score()).isEqualTo(100);
        assertThat(q.issues()).isEmpty();
    }

    @Test
    void eachIssueIsNamedAndCostsItsPoints() {
        DataQuality q = DataQuality.of(new DataQuality.Facts(null, " ", "Acme", "Chargée de mission", "personal",
                true, new PhoneFacts(null, false, "unknown", null), null, "unknown"));
        assertThat(q.issues()).extracting(DataQuality.Issue::code)
                .containsExactly("personal-email", "role-account", "invalid-phone", "no-name", "unread-job-title", "no-country");
        assertThat(q.score()).isEqualTo(100 - 10 - 15 - 20 - 10 - 5 - 10);
    }

    @Test
    void theScoreNeverGoesBelowZeroAndThePhoneGivesTheCountry() {
        DataQuality worst = DataQuality.of(new DataQuality.Facts(null, null, null, null, "disposable", true, null, null,
                "unknown"));
        assertThat(worst.score()).isZero();
        DataQuality placedByPhone = DataQuality.of(new DataQuality.Facts("Ada", null, "Acme", "CEO", "business", false,
                GOOD_PHONE, null, "c_level"));
        assertThat(placedByPhone.issues()).isEmpty();
    }
}
