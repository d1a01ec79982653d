package io.leadflow.enrichment.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Role accounts and phone facts. */
class ContactFactsTest {

    @ParameterizedTest
    @CsvSource({
            "info@acme-robotics.com, true", "Sales+emea@acme-robotics.com, true", "bonjour@exemple.fr, true",
            "contact@exemple.fr, true", "no-reply@acme.com, true",
            "ada@acme-robotics.com, false", "ada.lovelace@acme.com, false", "information.systems.lead@acme.com, false",
    })
    void anAddressOfAFunctionIsARoleAccount(String email, boolean role) {
        assertThat(RoleAccounts.isRole(email)).isEqualTo(role);
    }

    @ParameterizedTest
    @CsvSource({
            // E.164 as capture stores it; the country is capture's hint
            "+447400123456,  GB, true,  mobile,     GB",
            "+442079460958,  GB, true,  fixed_line, GB",
            "+33612345678,   FR, true,  mobile,     FR",
            "+33142685300,   FR, true,  fixed_line, FR",
            "+18002752273,   US, true,  toll_free,  US",
            "+4420794,       GB, false, unknown,      ",
    })
    void aPhoneGetsItsValidityTypeAndCountry(String phone, String hint, boolean valid, String type, String country) {
        PhoneFacts facts = PhoneFacts.of(phone, hint);
        assertThat(facts.valid()).isEqualTo(valid);
        assertThat(facts.type()).isEqualTo(type);
        assertThat(facts.country()).isEqualTo(country);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "not a phone"}, nullValues = "NULL")
    void noPhoneIsNullAndAnUnreadableOneIsInvalid(String phone) {
        PhoneFacts facts = PhoneFacts.of(phone, "GB");
        if (phone == null || phone.isBlank()) {
            assertThat(facts).isNull();
        } else {
            assertThat(facts.valid()).isFalse();
            assertThat(facts.type()).isEqualTo("unknown");
        }
    }
}
