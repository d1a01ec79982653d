package io.leadflow.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The latest disqualification of a lead by its SDR, with the reason code. */
@Entity
@Table(name = "lead_disqualification")
public class LeadDisqualification {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    public String reason;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "disqualified_at")
    public Instant disqualifiedAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
