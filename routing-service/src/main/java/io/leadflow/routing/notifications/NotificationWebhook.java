package io.leadflow.routing.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A webhook for an SDR or a pool (exactly one of the two). */
@Entity
@Table(name = "notification_webhook")
public class NotificationWebhook {

    @Id
    public UUID id;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "pool_id")
    public String poolId;
    public String url;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
