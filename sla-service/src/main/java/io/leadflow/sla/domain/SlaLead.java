package io.leadflow.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the SLA service knows of one assigned lead: its policy, its holder and its contact history so far. */
@Entity
@Table(name = "sla_lead")
public class SlaLead {

    /** Touch outcomes that mean the person answered: contact is made, no more follow-up clocks. */
    public static final Set<String> CONTACT = Set.of("connected", "replied", "meeting_booked");

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "policy_id")
    public String policyId;
    @Column(name = "policy_version")
    public String policyVersion;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "first_touch_at")
    public Instant firstTouchAt;
    public int attempts;
    @Column(name = "contacted_at")
    public Instant contactedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "close_reason")
    public String closeReason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> facts;

    /** Still waiting for contact: not contacted, not closed. Only such a lead has a running clock. */
    public boolean open() {
        return contactedAt == null && closedAt == null;
    }

    /** The attempt the SDR owes next: 1 (the first touch) until a touch is logged, then attempts + 1. */
    public int nextAttempt() {
        return firstTouchAt == null ? 1 : attempts + 1;
    }

    /**
     * Records a logged touch (attempt n). Contact ends the chase; the first touch sets the speed to lead.
     *
     * @return true when this was the lead's first touch
     */
    public boolean touched(Instant at, String outcome) {
        attempts++;
        boolean first = firstTouchAt == null;
        if (first || at.isBefore(firstTouchAt)) {
            firstTouchAt = at;
        }
        if (CONTACT.contains(outcome) && contactedAt == null) {
            contactedAt = at;
        }
        return first;
    }

    public void close(Instant at, String reason) {
        if (closedAt == null) {
            closedAt = at;
            closeReason = reason;
        }
    }
}
