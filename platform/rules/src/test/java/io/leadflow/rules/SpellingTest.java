package io.leadflow.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingTest {

    @Test
    void aTranspositionIsOneEdit() {
        assertThat(Spelling.distance("seniority", "senioirty")).isEqualTo(1);
        assertThat(Spelling.distance("pool", "sdr")).isEqualTo(4);
    }

    @Test
    void suggestsOnlyWhatIsClose() {
        List<String> known = List.of("pool", "sdr", "accountOwner");
        assertThat(Spelling.hint("accountowner", known)).isEqualTo(" (did you mean accountOwner?)");
        assertThat(Spelling.hint("pol", known)).isEqualTo(" (did you mean pool?)");
        assertThat(Spelling.hint("territory", known)).isEmpty();
    }
}
