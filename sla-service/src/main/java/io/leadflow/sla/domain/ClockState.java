package io.leadflow.sla.domain;

/** Where an SLA clock stands: still running, stopped in time, or past its deadline. */
public enum ClockState {
    RUNNING,
    MET,
    BREACHED
}
