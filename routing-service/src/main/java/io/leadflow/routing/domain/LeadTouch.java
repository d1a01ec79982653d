package io.leadflow.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A touch an SDR logged on a lead. */
@Entity
@Table(name = "lead_touch")
public class LeadTouch {

    @Id
    public UUID id;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "sdr_id")
    public String sdrId;
    public String channel;
    public String outcome;
    public String note;
    @Column(name = "touched_at")
    public Instant touchedAt;
    @Column(name = "logged_at")
    public Instant loggedAt;
}
