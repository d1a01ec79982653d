package io.leadflow.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An SDR gave a lead back, with a reason code: later automatic reassignments of the lead pass them over. */
@Entity
@Table(name = "lead_decline")
public class LeadDecline {

    @Id
    public UUID id;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "sdr_id")
    public String sdrId;
    public String reason;
    @Column(name = "declined_at")
    public Instant declinedAt;

    public static LeadDecline of(Assignment assignment, String reason, Instant at) {
        LeadDecline decline = new LeadDecline();
        decline.id = UUID.randomUUID();
        decline.assignmentId = assignment.id;
        decline.leadId = assignment.leadId;
        decline.sdrId = assignment.sdrId;
        decline.reason = reason;
        decline.declinedAt = at;
        return decline;
    }
}
