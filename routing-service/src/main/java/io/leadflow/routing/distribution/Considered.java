package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.SkipReason;

/**
 * One line of the decision record: a member the decision looked at, why they were skipped (null if
 * they could take the lead) and whether they got it. An eligible member who was not chosen lost to
 * the method (a higher current weight, fewer open leads).
 */
public record Considered(String sdrId, int position, SkipReason skipped, boolean chosen) {

    /** The skip reason's code ({@code out_of_office} ...), or null. */
    public String reason() {
        return skipped == null ? null : skipped.code();
    }
}
