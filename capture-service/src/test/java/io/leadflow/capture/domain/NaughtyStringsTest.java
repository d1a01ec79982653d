package io.leadflow.capture.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Big List of Naughty Strings (../shared/data/bad-inputs/blns.json, MIT) in every text field of a
 * submission: each is either refused with reasons naming that field and no other, or accepted and
 * stored exactly as typed after NFC and trimming (free text is never interpreted). Never an exception.
 */
class NaughtyStringsTest {

    private static final Path BLNS = Path.of(System.getProperty("leadflow.repo.dir", "."))
            .resolve("../shared/data/bad-inputs/blns.json");
    private static final String EMAIL = "ada@acme.com";

    private record Field(Function<String, LeadSubmission> submission, Function<LeadSubmission, String> stored,
                         boolean freeText) {
    }

    /** Each text field: how to put a string in it, where to read it back, and whether it is stored as typed. */
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("email", new Field(v -> submission(v, null, null, null, null, null, null, null, null, null, null, null, null),
                LeadSubmission::email, false));
        FIELDS.put("firstName", text(v -> submission(EMAIL, v, null, null, null, null, null, null, null, null, null, null, null), LeadSubmission::firstName));
        FIELDS.put("lastName", text(v -> submission(EMAIL, null, v, null, null, null, null, null, null, null, null, null, null), LeadSubmission::lastName));
        FIELDS.put("company", text(v -> submission(EMAIL, null, null, v, null, null, null, null, null, null, null, null, null), LeadSubmission::company));
        FIELDS.put("jobTitle", text(v -> submission(EMAIL, null, null, null, v, null, null, null, null, null, null, null, null), LeadSubmission::jobTitle));
        FIELDS.put("phone", new Field(v -> submission(EMAIL, null, null, null, null, v, null, null, null, null, null, null, null),
                LeadSubmission::phone, false));
        FIELDS.put("country", new Field(v -> submission(EMAIL, null, null, null, null, null, v, null, null, null, null, null, null),
                LeadSubmission::country, false));
        FIELDS.put("message", text(v -> submission(EMAIL, null, null, null, null, null, null, v, null, null, null, null, null), LeadSubmission::message));
        FIELDS.put("state", text(v -> details(v, null, null, null, null), LeadSubmission::state));
        FIELDS.put("website", text(v -> details(null, v, null, null, null), LeadSubmission::website));
        FIELDS.put("industry", text(v -> details(null, null, v, null, null), LeadSubmission::industry));
        FIELDS.put("employees", text(v -> details(null, null, null, v, null), LeadSubmission::employees));
        FIELDS.put("revenue", text(v -> details(null, null, null, null, v), LeadSubmission::revenue));
        FIELDS.put("consent.text", text(v -> submission(EMAIL, null, null, null, null, null, null, null, new Consent(true, v, "v1"), null, null, null, null),
                s -> s.consent().text()));
        FIELDS.put("consent.version", text(v -> submission(EMAIL, null, null, null, null, null, null, null, new Consent(true, "I agree", v), null, null, null, null),
                s -> s.consent().version()));
        FIELDS.put("utm.source", text(v -> utm(new Utm(v, null, null, null, null)), s -> s.utm().source()));
        FIELDS.put("utm.medium", text(v -> utm(new Utm(null, v, null, null, null)), s -> s.utm().medium()));
        FIELDS.put("utm.campaign", text(v -> utm(new Utm(null, null, v, null, null)), s -> s.utm().campaign()));
        FIELDS.put("utm.term", text(v -> utm(new Utm(null, null, null, v, null)), s -> s.utm().term()));
        FIELDS.put("utm.content", text(v -> utm(new Utm(null, null, null, null, v)), s -> s.utm().content()));
        FIELDS.put("pageUrl", text(v -> submission(EMAIL, null, null, null, null, null, null, null, null, null, v, null, null), LeadSubmission::pageUrl));
        FIELDS.put("referrer", text(v -> submission(EMAIL, null, null, null, null, null, null, null, null, null, null, v, null), LeadSubmission::referrer));
        FIELDS.put("formId", text(v -> submission(EMAIL, null, null, null, null, null, null, null, null, null, null, null, v), LeadSubmission::formId));
    }

    @Test
    void everyNaughtyStringInEveryTextFieldIsRefusedForThatFieldOrStoredExactly() throws IOException {
        List<String> strings = new ObjectMapper().readValue(BLNS.toFile(), new TypeReference<>() { });
        assertThat(strings).hasSize(485);
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (Map.Entry<String, Field> entry : FIELDS.entrySet()) {
            String name = entry.getKey();
            Field field = entry.getValue();
            for (String naughty : strings) {
                try {
                    SubmissionValidator.Result result = SubmissionValidator.validate(field.submission().apply(naughty));
                    if (result.valid()) {
                        accepted++;
                        String expected = Normalizer.normalize(naughty, Normalizer.Form.NFC).strip();
                        String stored = field.stored().apply(result.submission());
                        if (field.freeText() && !java.util.Objects.equals(stored, expected.isEmpty() ? null : expected)) {
                            wrong.add(name + " stored " + quote(stored) + " for " + quote(naughty));
                        }
                    } else {
                        refused++;
                        List<String> named = result.errors().stream().map(FieldError::field).distinct().toList();
                        if (!named.equals(List.of(name))) {
                            wrong.add(name + " refused naming " + named + " for " + quote(naughty));
                        }
                    }
                } catch (RuntimeException e) {
                    wrong.add(name + " threw " + e + " for " + quote(naughty));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(accepted + refused).isEqualTo(strings.size() * FIELDS.size());
        System.out.printf("BLNS: %d strings x %d fields = %d submissions: %d accepted as typed, %d refused for their field%n",
                strings.size(), FIELDS.size(), accepted + refused, accepted, refused);
    }

    private static Field text(Function<String, LeadSubmission> submission, Function<LeadSubmission, String> stored) {
        return new Field(submission, stored, true);
    }

    private static LeadSubmission utm(Utm utm) {
        return submission(EMAIL, null, null, null, null, null, null, null, null, utm, null, null, null);
    }

    private static LeadSubmission submission(String email, String firstName, String lastName, String company, String jobTitle,
                                             String phone, String country, String message, Consent consent, Utm utm,
                                             String pageUrl, String referrer, String formId) {
        return new LeadSubmission(email, firstName, lastName, company, jobTitle, phone, country, message, consent, utm,
                pageUrl, referrer, formId);
    }

    private static LeadSubmission details(String state, String website, String industry, String employees, String revenue) {
        return new LeadSubmission(EMAIL, null, null, null, null, null, null, null, state, website, industry, employees,
                revenue, null, null, null, null, null, null, null, null, null);
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.codePoints().mapToObj(c -> c < 0x20 || c > 0x7E ? String.format("\\u%04X", c)
                : Character.toString(c)).reduce("", String::concat) + "\"";
    }
}
