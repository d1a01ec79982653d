package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyTest {

    private final Geography geography = Geography.shipped();

    private static Company.Source form(CompanyFacts facts) {
        return new Company.Source("form", 0.8, facts);
    }

    @Test
    void eachFieldComesFromTheMostConfidentSourceThatKnowsItAndSaysWhere() {
        Company.Merged merged = Company.merge(List.of(
                form(new CompanyFacts("Acme", null, "Logiciel", null, null, null)),
                new Company.Source("provider:reference", 0.9, new CompanyFacts("ACME Robotics Ltd", "acme.com", null, "51-200", "5M€", "gb")),
                new Company.Source("provider:firmo", 0.7, new CompanyFacts("Acme Inc", null, "Banking", "10k+", null, "US"))), geography);

        assertThat(merged.company()).isEqualTo(new Company("ACME Robotics Ltd", "acme.com", "software_internet", "51-200", "1M-10M", "GB"));
        assertThat(merged.provenance()).containsEntry("company.name", "provider:reference")
                .containsEntry("company.industry", "form")
                .containsEntry("company.employeeBand", "provider:reference")
                .containsEntry("company.country", "provider:reference");
        assertThat(merged.complete()).isTrue();
    }

    @Test
    void aProviderNoMoreConfidentThanTheFormNeverOverwritesIt() {
        Company.Merged merged = Company.merge(List.of(
                form(new CompanyFacts("Globex", null, "Banque", "50 salariés", null, null)),
                new Company.Source("provider:equal", 0.8, new CompanyFacts("Globex Corporation", null, "Software", "5000", "$1B", "FR"))),
                geography);

        assertThat(merged.company().name()).isEqualTo("Globex");
        assertThat(merged.company().industry()).isEqualTo("financial_services");
        assertThat(merged.company().employeeBand()).isEqualTo("11-50");
        assertThat(merged.company().revenueBand()).isEqualTo("1B+");
        assertThat(merged.provenance()).containsEntry("company.name", "form").containsEntry("company.revenueBand", "provider:equal");
    }

    @Test
    void unusableValuesFallThroughToTheNextSourceAndWhatNobodyKnowsIsMissing() {
        Company.Merged merged = Company.merge(List.of(
                form(new CompanyFacts("  ", null, "Widgets of all kinds", "lots", null, "France")),
                new Company.Source("provider:firmo", 0.7, new CompanyFacts(null, null, null, "about 300", null, null))), geography);

        assertThat(merged.company().name()).isNull();
        assertThat(merged.company().employeeBand()).isEqualTo("201-500");
        // A described industry the taxonomy does not know is "other", and still missing: a provider may know better.
        assertThat(merged.company().industry()).isEqualTo("other");
        assertThat(merged.company().country()).isNull(); // a name, not an ISO code
        assertThat(merged.missing()).containsExactly("name", "domain", "industry", "revenueBand", "country");
        assertThat(merged.complete()).isFalse();
    }
}
