package io.leadflow.scoring.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Engagement points halve every half-life of event time (page_view 2, pricing_page_visit 10, P14D). */
class EngagementDecayTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofDays(14);
    private static final ScoringRuleSet RULES = Fixtures.oneRule("{ \"field\": \"lead.formId\", \"op\": \"eq\", \"value\": \"none\" }");

    private static Score score(Instant at, Engagement... engagements) {
        return RULES.score(Fixtures.lead(), List.of(engagements), at);
    }

    @Test
    void anEngagementOneHalfLifeOldCountsHalf() {
        Score s = score(AT, new Engagement("e1", "pricing_page_visit", AT.minus(HALF_LIFE)));
        assertThat(s.engagement()).isEqualTo(5);
        FiredRule reason = s.reason("engagement:pricing_page_visit");
        assertThat(reason.points()).isEqualTo(5.0);
        assertThat(reason.dimension()).isEqualTo(Dimension.ENGAGEMENT);
        assertThat(reason.evidence()).containsEntry("count", 1).containsEntry("basePoints", 10)
                .containsEntry("latest", AT.minus(HALF_LIFE).toString());
        assertThat(reason.description()).isEqualTo("1 x pricing_page_visit, 10 points each, halving every P14D");
    }

    @Test
    void decayFollowsEventTimeNotWallTime() {
        Instant longAgo = Instant.parse("2019-03-01T08:00:00Z");
        Engagement fresh = new Engagement("e1", "pricing_page_visit", longAgo);
        assertThat(score(longAgo, fresh).engagement()).isEqualTo(10); // scored when it happened: full points
        assertThat(score(longAgo.plus(HALF_LIFE.multipliedBy(2)), fresh).engagement()).isEqualTo(3); // 2.5 rounds half up
        assertThat(score(longAgo.plus(HALF_LIFE.multipliedBy(2)), fresh).reason("engagement:pricing_page_visit").points())
                .isEqualTo(2.5);
    }

    @Test
    void anOldBurstFadesAndReasonsCarryDecayedPointsRoundedToOneDecimal() {
        List<Engagement> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(new Engagement("p" + i, "page_view", AT.minus(Duration.ofDays(40)).plusSeconds(60L * i)));
        }
        Score s = RULES.score(Fixtures.lead(), burst, AT);
        double exact = 0;
        for (Engagement e : burst) {
            exact += 2 * Math.pow(0.5, Duration.between(e.occurredAt(), AT).toMillis() / (double) HALF_LIFE.toMillis());
        }
        assertThat(s.reason("engagement:page_view").points()).isCloseTo(exact, within(0.05));
        assertThat(s.reason("engagement:page_view").points() * 10).isEqualTo(Math.rint(s.reason("engagement:page_view").points() * 10));
        assertThat(s.engagement()).isEqualTo((int) Math.round(exact)).isLessThan(12 / 4); // 12 points 40 days ago: under a quarter
        assertThat(s.reason("engagement:page_view").evidence()).containsEntry("count", 6);
    }

    @Test
    void engagementIsCappedAndFutureEventsWait() {
        List<Engagement> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(new Engagement("v" + i, "pricing_page_visit", AT));
        }
        assertThat(RULES.score(Fixtures.lead(), many, AT).engagement()).isEqualTo(30); // 50 capped
        // within the contract's 5-minute clock skew: counts as now; a day ahead: has not happened yet
        assertThat(score(AT, new Engagement("s", "pricing_page_visit", AT.plusSeconds(120))).engagement()).isEqualTo(10);
        assertThat(score(AT, new Engagement("f", "pricing_page_visit", AT.plus(Duration.ofDays(1)))).reasons()).isEmpty();
        // a type without points (email_open here) adds nothing and gives no reason
        assertThat(score(AT, new Engagement("o", "email_open", AT)).reasons()).isEmpty();
    }
}
