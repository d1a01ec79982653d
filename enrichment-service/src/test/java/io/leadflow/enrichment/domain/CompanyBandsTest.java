package io.leadflow.enrichment.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyBandsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "11-50; 11-50", "50 salariés; 11-50", "51 à 200 employés; 51-200", "1k+; 1001-5000", "1 000 à 4 999 salariés; 1001-5000",
            "5,000+; 5001-10000", "10k; 5001-10000", "10000+; 10000+", "250; 201-500", "Self-employed; 1-10",
            "between 201 and 500 employees; 201-500", "plus de 10 000 salariés; 10000+", "2-10; 1-10", "unknown; NULL", "NULL; NULL",
    })
    void employeesFromFreeText(String text, String band) {
        assertThat(CompanyBands.employees(text)).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "5M€; 1M-10M", "$10M; 10M-50M", "1,5 M$; 1M-10M", "500k€; <1M", "2 milliards; 1B+", "€1bn; 1B+",
            "10-50M; 10M-50M", "250000; <1M", "75 millions d'euros; 50M-100M", "$250M+; 100M-500M", "n/a; NULL",
    })
    void revenueFromFreeText(String text, String band) {
        assertThat(CompanyBands.revenue(text)).isEqualTo(band);
    }
}
