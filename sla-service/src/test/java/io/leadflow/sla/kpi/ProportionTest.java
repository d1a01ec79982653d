package io.leadflow.sla.kpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProportionTest {

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Newcombe (1998), table I: 81/263 -> 0.2553 to 0.3662; 0/10 -> 0 to 0.2775.
        Proportion p = Proportion.of(81, 263);
        assertThat(p.rate()).isCloseTo(0.308, within(0.001));
        assertThat(p.ci95()[0]).isCloseTo(0.2553, within(0.0002));
        assertThat(p.ci95()[1]).isCloseTo(0.3662, within(0.0002));
        Proportion none = Proportion.of(0, 10);
        assertThat(none.ci95()[0]).isZero();
        assertThat(none.ci95()[1]).isCloseTo(0.2775, within(0.0002));
        assertThat(Proportion.of(0, 0).rate()).isNull();
    }

    @Test
    void theDifferenceIntervalMatchesNewcombesHybridScoreMethod() {
        // Newcombe (1998), table II example (e): 56/70 vs 48/80 -> difference 0.2, 95 % CI 0.0524 to 0.3339.
        Proportion.Difference d = Proportion.difference(Proportion.of(48, 80), Proportion.of(56, 70));
        assertThat(d.difference()).isCloseTo(0.2, within(0.0001));
        assertThat(d.ci95()[0]).isCloseTo(0.0524, within(0.0005));
        assertThat(d.ci95()[1]).isCloseTo(0.3339, within(0.0005));
        assertThat(d.significant()).isTrue();
        assertThat(Proportion.difference(Proportion.of(10, 100), Proportion.of(12, 100)).significant()).isFalse();
    }
}
