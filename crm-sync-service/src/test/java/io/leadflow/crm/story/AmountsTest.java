package io.leadflow.crm.story;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    @Test
    void readsTheFirstFigureWithItsSuffix() {
        assertThat(Amounts.firstFigure("50k EUR approved")).isEqualByComparingTo("50000");
        assertThat(Amounts.firstFigure("$1.2M over two years")).isEqualByComparingTo("1200000");
        assertThat(Amounts.firstFigure("about 25,000 per year")).isEqualByComparingTo("25000");
        assertThat(Amounts.firstFigure("12000")).isEqualByComparingTo("12000");
    }

    @Test
    void textWithoutAFigureOrOnlyFiguresInsideWordsHasNoAmount() {
        assertThat(Amounts.firstFigure("approved, amount unknown")).isNull();
        assertThat(Amounts.firstFigure("decision in Q1")).isNull();
        assertThat(Amounts.firstFigure(null)).isNull();
    }

    @Test
    void amountsHaveTwoDecimals() {
        assertThat(Amounts.firstFigure("9.999k")).isEqualTo(new BigDecimal("9999.00"));
    }
}
