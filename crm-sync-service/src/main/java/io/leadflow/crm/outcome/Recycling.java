package io.leadflow.crm.outcome;

import java.util.List;
import java.util.Locale;

/**
 * Whether a lost deal's lead goes back to nurture. A deal lost on timing or budget is a lead worth warming up again; one
 * lost because the company is not a fit (or the lead was spam, a duplicate) is not. The reasons that stop recycling
 * are configuration, compared case-insensitively as contained text ("Not a fit - too small" matches "not a fit").
 */
public record Recycling(List<String> noRecycleReasons) {

    public Recycling {
        noRecycleReasons = noRecycleReasons.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList();
    }

    public boolean recycles(String lossReason) {
        if (lossReason == null) {
            return true;
        }
        String reason = lossReason.toLowerCase(Locale.ROOT);
        return noRecycleReasons.stream().noneMatch(reason::contains);
    }
}
