package io.leadflow.routing.roster;

/**
 * How much an SDR may hold: at most {@code maxOpenLeads} open leads (assigned or accepted, not closed)
 * and at most {@code maxLeadsPerDay} new leads on their local day. Null means no cap.
 */
public record Caps(Integer maxOpenLeads, Integer maxLeadsPerDay) {

    public static final Caps NONE = new Caps(null, null);

    public Caps {
        if (maxOpenLeads != null && maxOpenLeads < 1 || maxLeadsPerDay != null && maxLeadsPerDay < 1) {
            throw new IllegalArgumentException("a cap is at least 1 (no cap: null)");
        }
    }

    /** The cap the load has reached ({@link SkipReason#AT_OPEN_CAP} first), or null if there is room for one more lead. */
    public SkipReason reached(Load load) {
        if (maxOpenLeads != null && load.openLeads() >= maxOpenLeads) {
            return SkipReason.AT_OPEN_CAP;
        }
        if (maxLeadsPerDay != null && load.leadsToday() >= maxLeadsPerDay) {
            return SkipReason.AT_DAILY_CAP;
        }
        return null;
    }
}
