package io.leadflow.routing.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sales development rep who can receive leads; the id is the subject of the SDR's JWT. */
@Entity
@Table(name = "sdr")
public class Sdr {

    @Id
    public String id;
    public String name;
    public String email;
    public boolean active;
}
