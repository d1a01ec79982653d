package io.leadflow.capture.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A client's Idempotency-Key and the lead its first use created. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @Id
    public String key;
    @Column(name = "lead_id")
    public UUID leadId;
    /** SHA-256 (hex) of the normalised submission that first used the key. */
    @Column(name = "request_sha256")
    public String requestSha256;
}
