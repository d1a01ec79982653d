package io.leadflow.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A round-robin pool; {@code lastPosition} is the rotation cursor, only ever moved under the row's lock. */
@Entity
@Table(name = "pool")
public class SdrPool {

    @Id
    public String id;
    public String name;
    @Column(name = "last_position")
    public int lastPosition;
}
