package io.leadflow.web;

/** The roles a Leadflow token can carry in its {@code groups} claim. */
public final class Roles {

    /** A sales development rep: sees and acts on their own leads only; the token's subject is the SDR id. */
    public static final String SDR = "sdr";
    /** Revenue operations: configures rules and watches the pipeline. */
    public static final String REVOPS = "revops";
    public static final String ADMIN = "admin";
    /** A server-to-server integration (back-office import, partner system) posting leads: its own, higher limits. */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
