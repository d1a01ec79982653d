package io.leadflow.capture.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of python-email-validator's syntax tests (../shared/data/bad-inputs, Unlicense), read
 * with the options a lead form needs: its defaults (internationalised local parts, no display name,
 * no IP address in brackets, no special-use domain, no DNS) plus {@code allow_quoted_local=True}
 * and the 64-byte local-part limit of {@code strict=True}.
 */
class EmailSyntaxCasesTest {

    private static final Path CASES = Path.of(System.getProperty("leadflow.repo.dir", "."))
            .resolve("../shared/data/bad-inputs/python-email-validator_test_syntax_cases.json");

    /** The cases we decide differently from the python test that holds them, and why. Keep it short. */
    private static final Map<String, Outcome> DECIDED_DIFFERENTLY = Map.of(
            "MyName <me@example.org>", Outcome.REFUSED_DISPLAY_NAME,
            "My Name <me@example.org>", Outcome.REFUSED_DISPLAY_NAME,
            "\"My.\\\"Na\\\\me\\\".Is\" <\"me \\\" \\\\ me\"@example.org>", Outcome.REFUSED_DISPLAY_NAME,
            "\"s\u0323\u0307\" <s\u0323\u0307@nfc.tld>", Outcome.REFUSED_DISPLAY_NAME,
            "\"quoted.with..unicode.\u03bb\"@example.com", Outcome.ACCEPTED_SMTPUTF8);

    private enum Outcome {
        /** The python test turns allow_display_name on; a form's e-mail field wants the address alone (python's default). */
        REFUSED_DISPLAY_NAME,
        /** The python test turns allow_smtputf8 off; we accept internationalised local parts (python's default). */
        ACCEPTED_SMTPUTF8
    }

    record Case(String group, String input, boolean valid, JsonNode expected) {
        @Override
        public String toString() {
            return group + ": " + input.replace("\n", "\\n").replace("\r", "\\r") + (valid ? " (valid)" : " (invalid)");
        }
    }

    static List<Case> cases() throws IOException {
        JsonNode file = new ObjectMapper().readTree(CASES.toFile());
        List<Case> cases = new ArrayList<>();
        file.fields().forEachRemaining(group -> {
            if (group.getKey().startsWith("_")) {
                return;
            }
            for (JsonNode parametrize : group.getValue()) {
                for (JsonNode c : parametrize.get("cases")) {
                    cases.add(toCase(group.getKey(), c));
                }
            }
        });
        return cases;
    }

    private static Case toCase(String group, JsonNode c) {
        String input = c.isArray() ? c.get(0).asText() : c.asText();
        Case base = switch (group) {
            case "test_email_valid", "test_email_valid_intl_local_part" -> new Case(group, input, true, c.get(1));
            case "test_email_valid_only_if_quoted_local_part" ->
                    new Case(group, input, true, new ObjectMapper().createObjectNode().put("local_part", c.get(1).asText()));
            case "test_email_invalid_syntax", "test_email_invalid_syntax_strict", "test_email_invalid_reserved_domain",
                 "test_email_unsafe_character", "test_email_invalid_character_smtputf8_off" -> new Case(group, input, false, null);
            case "test_pyisemail_tests" -> {
                String status = c.get(1).asText();
                // Quoted local parts are allowed here; every other diagnosis but VALID is refused
                // (address literals are refused by python's default too).
                yield new Case(group, input, status.equals("ISEMAIL_VALID") || status.equals("ISEMAIL_RFC5321_QUOTEDSTRING"), null);
            }
            default -> throw new IllegalStateException("a group this test does not know: " + group);
        };
        Outcome different = DECIDED_DIFFERENTLY.get(input);
        return different == null ? base : new Case(group, input, different == Outcome.ACCEPTED_SMTPUTF8, null);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsEveryCaseAsTheSyntaxRulesSay(Case c) {
        if (c.group().equals("test_email_unsafe_character")) {
            // The file holds the unsafe character; python tries it on each side of the @.
            assertRefused(EmailAddresses.parse(c.input() + "@example.com"));
            assertRefused(EmailAddresses.parse("me@" + c.input() + ".com"));
            return;
        }
        EmailAddresses.Parsed parsed = EmailAddresses.parse(c.input());
        if (!c.valid()) {
            assertRefused(parsed);
            return;
        }
        assertThat(parsed.problem()).as("problem").isNull();
        EmailAddresses.EmailAddress address = parsed.address();
        JsonNode expected = c.expected() == null ? new ObjectMapper().createObjectNode() : c.expected();
        if (expected.has("normalized")) {
            assertThat(address.normalized()).isEqualTo(expected.get("normalized").asText());
        }
        if (expected.has("local_part")) {
            assertThat(address.localPart()).isEqualTo(expected.get("local_part").asText());
        }
        if (expected.has("domain")) {
            assertThat(address.domain()).isEqualTo(expected.get("domain").asText());
        }
        if (expected.has("ascii_domain")) {
            assertThat(address.asciiDomain()).isEqualTo(expected.get("ascii_domain").asText());
        }
        if (expected.has("smtputf8")) {
            assertThat(address.internationalised()).isEqualTo(expected.get("smtputf8").asBoolean());
        }
        // Normalising is idempotent: the stored address reads back as itself.
        assertThat(EmailAddresses.parse(address.normalized()).address()).isEqualTo(address);
    }

    @Test
    void theFileHasEveryCaseAndTheExceptionsAreAmongThem() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSize(286);
        assertThat(cases).extracting(Case::input).containsAll(DECIDED_DIFFERENTLY.keySet());
    }

    private static void assertRefused(EmailAddresses.Parsed parsed) {
        assertThat(parsed.address()).as("accepted as %s", parsed.address()).isNull();
        assertThat(parsed.problem()).isNotBlank();
    }
}
