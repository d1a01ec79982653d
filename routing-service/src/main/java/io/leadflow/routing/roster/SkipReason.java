package io.leadflow.routing.roster;

/**
 * Why a member of a pool was passed over for a lead, in the order they are checked: the first that
 * applies is the one recorded. The codes are what the decision record and the API show.
 */
public enum SkipReason {
    /** Taken off the roster (or never put on it). */
    INACTIVE("inactive"),
    /** Paused by hand (by the SDR or RevOps) until resumed. */
    PAUSED("paused"),
    /** Inside one of the SDR's out-of-office periods. */
    OUT_OF_OFFICE("out_of_office"),
    /** The SDR's local date is one of their holidays. */
    HOLIDAY("holiday"),
    /** Outside every shift of the SDR's working hours, in their own time zone. */
    OUTSIDE_WORKING_HOURS("outside_working_hours"),
    /** Holds as many open leads (assigned or accepted, not closed) as their cap allows. */
    AT_OPEN_CAP("at_open_cap"),
    /** Got as many new leads today (their local day) as their daily cap allows. */
    AT_DAILY_CAP("at_daily_cap");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the SDR comes back by the clock (a shift starts, a period or a day ends), not by someone's action. */
    public boolean endsByItself() {
        return this != INACTIVE && this != PAUSED && this != AT_OPEN_CAP;
    }
}
