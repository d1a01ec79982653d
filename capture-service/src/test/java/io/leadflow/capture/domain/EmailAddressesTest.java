package io.leadflow.capture.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ada@Bücher.de           | Ada@bücher.de              | xn--bcher-kva.de | ada@xn--bcher-kva.de",
            "ada@xn--bcher-kva.de    | ada@bücher.de              | xn--bcher-kva.de | ada@xn--bcher-kva.de",
            "ADA@BÜCHER.DE           | ADA@bücher.de              | xn--bcher-kva.de | ada@xn--bcher-kva.de",
            "Ada.Lovelace@ACME.COM   | Ada.Lovelace@acme.com      | acme.com         | ada.lovelace@acme.com",
            "ada@ＡＣＭＥ．com          | ada@acme.com               | acme.com         | ada@acme.com",
            "Jürgen@straße.de        | Jürgen@straße.de           | xn--strae-oqa.de | jürgen@xn--strae-oqa.de",
            "jürgen@xn--strae-oqa.de | jürgen@straße.de           | xn--strae-oqa.de | jürgen@xn--strae-oqa.de",
            "\"ada\"@acme.com         | ada@acme.com               | acme.com         | ada@acme.com",
    })
    void normalisesTheDomainAndKeysThePersonOnTheWholeAddressInLowerCase(String typed, String normalized,
                                                                        String asciiDomain, String identityKey) {
        EmailAddresses.EmailAddress address = EmailAddresses.parse(typed).address();
        assertThat(address.normalized()).isEqualTo(normalized);
        assertThat(address.asciiDomain()).isEqualTo(asciiDomain);
        assertThat(address.identityKey()).isEqualTo(identityKey);
    }

    @Test
    void theSamePersonTypedInUnicodeOrInPunycodeHasOneKey() {
        assertThat(EmailAddresses.parse("Ada@Bücher.de").address().identityKey())
                .isEqualTo(EmailAddresses.parse("ada@xn--bcher-kva.de").address().identityKey());
    }

    @Test
    void theLocalPartIsKeptAsTypedInNfc() {
        EmailAddresses.EmailAddress address = EmailAddresses.parse("Rene\u0301@acme.com").address();
        assertThat(address.localPart()).isEqualTo("René");
        assertThat(address.internationalised()).isTrue();
        assertThat(address.asciiEmail()).isEqualTo("René@acme.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ada.acme.com                    | must contain a single @",
            "ada@@acme.com                   | must contain a single @",
            "ada＠acme.com                    | a regular @",
            "@acme.com                       | needs something before the @",
            "ada@acme                        | the part after @ is not a valid domain name: it should have a dot",
            "ada@-acme.com                   | the part after @ is not a valid domain name: a hyphen",
            "ada@acme..com                   | the part after @ cannot have two dots in a row",
            "ada@acme.local                  | reserved name (.local)",
            "ada@[192.168.0.1]               | not an address in brackets",
            "Ada Lovelace <ada@acme.com>     | without a name or angle brackets",
            "ada lovelace@acme.com           | cannot be in an e-mail address: a space",
            "ada\u200b@acme.com              | U+200B ZERO WIDTH SPACE",
            ".ada@acme.com                   | cannot start with a dot",
            "ada.@acme.com                   | cannot have a dot just before the @",
            "ada@acme.c0m1                   | should end with a top-level domain",
            "ada@xn--0.com                   | bad xn-- name",
    })
    void refusesWithAReasonAPersonCanAct(String typed, String reason) {
        EmailAddresses.Parsed parsed = EmailAddresses.parse(typed);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problem()).contains(reason);
    }

    @Test
    void limitsAreInBytesForTheLocalPartAndTheAddressAndInCharactersForALabel() {
        assertThat(EmailAddresses.parse("a".repeat(64) + "@acme.com").valid()).isTrue();
        assertThat(EmailAddresses.parse("a".repeat(65) + "@acme.com").problem()).startsWith("is too long before the @");
        assertThat(EmailAddresses.parse("é".repeat(33) + "@acme.com").problem()).startsWith("is too long before the @");
        assertThat(EmailAddresses.parse("ada@" + "a".repeat(64) + ".com").problem()).contains("too long (at most 63");
        String longDomain = ("a".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        assertThat(EmailAddresses.parse("ab@" + longDomain).valid()).isTrue(); // 250
        assertThat(EmailAddresses.parse("abcdefgh@" + longDomain).problem()).startsWith("is too long: at most 254");
    }

    @Test
    void nothingTypedIsRequired() {
        assertThat(EmailAddresses.parse(null).problem()).isEqualTo("is required");
        assertThat(EmailAddresses.parse("").problem()).isEqualTo("is required");
    }

    @Test
    void punycodeRoundTripsTheRfcSample() {
        // RFC 3492 7.1 (B) Chinese (simplified).
        assertThat(Punycode.encode("他们为什么不说中文")).isEqualTo("ihqwcrb4cv8a8dqg056pqjye");
        assertThat(Punycode.decode("ihqwcrb4cv8a8dqg056pqjye")).contains("他们为什么不说中文");
        assertThat(Punycode.decode("0")).isEmpty();
    }
}
