package io.leadflow.capture.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An address whose person asked not to be contacted; no personal data beyond the identity key. */
@Entity
@Table(name = "do_not_contact")
public class DoNotContact {

    @Id
    @Column(name = "email_key")
    public String emailKey;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
