package io.leadflow.capture.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The record that a lead was erased: by whom, when and why. Holds no personal data. */
@Entity
@Table(name = "erasure")
public class Erasure {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "request_id")
    public UUID requestId;
    /** The lead the request named; false for the other leads of the same address erased with it. */
    public boolean requested;
    @Column(name = "erased_at")
    public Instant erasedAt;
    /** The admin's token subject. */
    @Column(name = "erased_by")
    public String erasedBy;
    public String reason;
    @Column(name = "request_reference")
    public String requestReference;
    /** Whether LeadErased was published (a spam lead was never announced, so nobody else has it). */
    public boolean announced;
}
