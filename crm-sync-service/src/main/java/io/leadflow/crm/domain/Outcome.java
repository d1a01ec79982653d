package io.leadflow.crm.domain;

/** How an opportunity closed; the names are the wire values of OpportunityClosed. */
public enum Outcome {
    WON("closed-won"),
    LOST("closed-lost");

    private final String stage;

    Outcome(String stage) {
        this.stage = stage;
    }

    /** The stage a closed opportunity lands in. */
    public String stage() {
        return stage;
    }
}
