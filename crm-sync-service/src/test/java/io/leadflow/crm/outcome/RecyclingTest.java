package io.leadflow.crm.outcome;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecyclingTest {

    private final Recycling recycling = new Recycling(List.of("not a fit", " Spam ", ""));

    @Test
    void aDealLostOnTimingOrBudgetIsRecycled() {
        assertThat(recycling.recycles("No budget until Q3")).isTrue();
        assertThat(recycling.recycles(null)).isTrue();
    }

    @Test
    void aReasonContainingAConfiguredOneIsNotWhateverItsCase() {
        assertThat(recycling.recycles("Not a fit - too small")).isFalse();
        assertThat(recycling.recycles("SPAM submission")).isFalse();
    }
}
