package io.leadflow.sla.domain;

/** Where an SLA clock stands: running, stopped in time, past its deadline, or called off (reassigned, closed). */
public enum ClockState {
    RUNNING,
    MET,
    BREACHED,
    CANCELLED
}
