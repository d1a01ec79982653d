package io.leadflow.capture.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "https://acme.example/demo?email=ada%40acme.com&utm_source=google#form, https://acme.example/demo",
            "https://acme.example:8443/pricing, https://acme.example:8443/pricing",
            "https://ada:secret@acme.example/p?x=1, https://acme.example/p",
            "https://acme.example, https://acme.example",
            "not a url, null",
            "/relative/path?x=1, null",
            "null, null"})
    void aUrlKeepsItsOriginAndPathOnly(String url, String expected) {
        assertThat(PersonalData.withoutQuery(url)).isEqualTo(expected);
    }
}
