package io.leadflow.routing.domain;

/** Where an assigned lead stands in the SDR's hands (lifecycle: assigned -> accepted (SAL) -> qualified (SQL)). */
public enum AssignmentStatus {
    ASSIGNED, ACCEPTED, QUALIFIED
}
