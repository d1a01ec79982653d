package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclineTest {

    @Test
    void aKnownReasonWithAnOptionalNoteIsADecline() {
        Decline.Result bare = Decline.of("wrong_territory", "  ");
        Decline.Result noted = Decline.of("conflict_of_interest", " my brother-in-law's company ");

        assertThat(bare.decline()).isEqualTo(new Decline("wrong_territory", null));
        assertThat(bare.decline().eventNote()).isEqualTo("wrong_territory");
        assertThat(noted.decline().eventNote()).isEqualTo("conflict_of_interest: my brother-in-law's company");
    }

    @Test
    void aMissingOrUnknownReasonIsNamedWithTheKnownOnes() {
        assertThat(Decline.of(null, null).errors()).extracting(FieldError::field).containsExactly("reason");
        assertThat(Decline.of("busy", "x").errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("reason");
            assertThat(error.reason()).contains("'busy'", "wrong_territory", "other");
        });
    }

    @Test
    void otherNeedsANoteAndNoNoteIsTooLongForTheEvent() {
        assertThat(Decline.of("other", " ").errors()).extracting(FieldError::field).containsExactly("note");
        assertThat(Decline.of("other", "on leave from Monday").valid()).isTrue();
        assertThat(Decline.of("no_capacity", "n".repeat(Decline.NOTE_MAX + 1)).errors()).extracting(FieldError::field)
                .containsExactly("note");
        assertThat(new Decline("conflict_of_interest", "n".repeat(Decline.NOTE_MAX)).eventNote()).hasSizeLessThanOrEqualTo(2000);
    }
}
