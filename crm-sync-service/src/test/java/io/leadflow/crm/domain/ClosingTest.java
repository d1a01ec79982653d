package io.leadflow.crm.domain;

import io.leadflow.web.ConflictException;
import io.leadflow.web.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosingTest {

    @ParameterizedTest(name = "outcome {0}, reason {1}, amount {2} -> errors on {3}")
    @CsvSource(nullValues = "null", value = {
            "WON,   null,              12345.0,  ''",
            "WON,   Best latency,      null,     ''",
            "LOST,  Chose a competitor, null,    ''",
            "WON,   null,              0,        ''",
            "null,  null,              null,     outcome",
            "'',    null,              null,     outcome",
            "won,   null,              null,     outcome",
            "TIED,  null,              null,     outcome",
            "LOST,  null,              null,     reason",
            "LOST,  '   ',             null,     reason",
            "WON,   null,              -1,       amount",
            "WON,   null,              10.001,   amount",
            "LOST,  null,              -5,       reason amount",
    })
    void aClosingNeedsAnOutcomeAReasonForALossAndNoNegativeAmount(String outcome, String reason, BigDecimal amount,
                                                                  String fields) {
        Closing.Result result = Closing.of(outcome, reason, amount);
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyElementsOf(fields.isEmpty() ? java.util.List.of() : java.util.List.of(fields.split(" ")));
        assertThat(result.valid()).isEqualTo(fields.isEmpty());
    }

    @Test
    void aTooLongReasonIsRefused() {
        assertThat(Closing.of("LOST", "x".repeat(501), null).errors()).extracting(FieldError::field).containsExactly("reason");
        assertThat(Closing.of("LOST", "x".repeat(500), null).valid()).isTrue();
    }

    @Test
    void closingMovesTheStageAndHappensOnce() {
        Opportunity opportunity = new Opportunity();
        opportunity.stage = Opportunity.DISCOVERY;
        Instant now = Instant.parse("2026-12-15T16:00:00Z");

        opportunity.close(Closing.of("LOST", " Chose a competitor ", null).closing(), now);
        assertThat(opportunity.stage).isEqualTo("closed-lost");
        assertThat(opportunity.outcome).isEqualTo(Outcome.LOST);
        assertThat(opportunity.closeReason).isEqualTo("Chose a competitor");
        assertThat(opportunity.closedAt).isEqualTo(now);

        assertThatThrownBy(() -> opportunity.close(Closing.of("WON", null, null).closing(), now.plusSeconds(1)))
                .isInstanceOf(ConflictException.class);
        assertThat(opportunity.outcome).isEqualTo(Outcome.LOST);
    }

    @Test
    void aWinRecordsTheAmount() {
        Opportunity opportunity = new Opportunity();
        opportunity.close(Closing.of("WON", null, new BigDecimal("48000")).closing(), Instant.now());
        assertThat(opportunity.stage).isEqualTo("closed-won");
        assertThat(opportunity.amount).isEqualByComparingTo("48000");
    }
}
