package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.DistributionMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A pool of SDRs sharing leads by a distribution method; {@code lastPosition} is the rotation cursor,
 * only ever moved under the row's lock. A lead nobody in the pool can take waits, and after
 * {@code fallbackAfterSeconds} goes to the fallback pool if there is one.
 */
@Entity
@Table(name = "pool")
public class SdrPool {

    @Id
    public String id;
    public String name;
    @Column(name = "last_position")
    public int lastPosition;
    @Enumerated(EnumType.STRING)
    @Column(name = "distribution_method")
    public DistributionMethod distributionMethod;
    @Column(name = "manager_email")
    public String managerEmail;
    @Column(name = "fallback_pool_id")
    public String fallbackPoolId;
    @Column(name = "fallback_after_seconds")
    public Long fallbackAfterSeconds;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
