package io.leadflow.routing.domain;

/**
 * Where an assigned lead stands in the SDR's hands: assigned -> accepted (SAL) -> qualified (SQL), or closed without
 * an opportunity: disqualified (not a fit) or nurtured (not now).
 */
public enum AssignmentStatus {
    ASSIGNED, ACCEPTED, QUALIFIED, DISQUALIFIED, NURTURED;

    /** Still in the SDR's hands: counts against their open-lead cap and can be worked. */
    public boolean open() {
        return this == ASSIGNED || this == ACCEPTED;
    }
}
