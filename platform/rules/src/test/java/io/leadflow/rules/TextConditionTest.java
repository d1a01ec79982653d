package io.leadflow.rules;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** contains / endsWith ignore case exactly as String.regionMatches does, also for non-ASCII text. */
class TextConditionTest {

    private static final String ALPHABET = "aAbBcC-1 éÉßİıiIσΣςǅǆǄ\uD801\uDC00\uD801\uDC28";

    private static boolean reference(String s, String needle) {
        for (int i = 0, last = s.length() - needle.length(); i <= last; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static String random(Random random, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(max); i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void containsAgreesWithRegionMatchesOnRandomText() {
        Random random = new Random(11);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            String haystack = random(random, 12);
            String needle = random(random, 3);
            boolean expected = reference(haystack, needle);
            Condition.Text<Object> text = new Condition.Text<>("f", facts -> haystack, new String[] {needle}, false);
            assertThat(text.matches(haystack)).as("%s contains %s", haystack, needle).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("the sample exercises both outcomes").isBetween(1_000, 199_000);
    }

    @Test
    void textEqualityComparesLowerCaseButShowsTheValueAsRead() {
        Condition.InSet<String> eq = new Condition.InSet<>("lead.country", facts -> facts, Set.of("us"), true, false);
        Evidence evidence = new Evidence();
        assertThat(eq.test("US", evidence)).isTrue();
        assertThat(evidence.snapshot()).containsEntry("lead.country", "US");
        assertThat(eq.test("FR", new Evidence())).isFalse();
    }
}
