package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A sales development rep who can receive leads; the id is the subject of the SDR's JWT. Their schedule
 * (time zone, working hours, holidays), pause and caps decide when they can take one (see
 * {@link RosterJson#availability}).
 */
@Entity
@Table(name = "sdr")
public class Sdr {

    @Id
    public String id;
    public String name;
    public String email;
    public boolean active;
    /** IANA time zone id, e.g. {@code Europe/Paris}. */
    @Column(name = "time_zone")
    public String timeZone;
    /** {@code {"monday": ["09:00-12:30", ...]}}; null = around the clock. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "working_hours")
    public JsonNode workingHours;
    /** Whole local days off: {@code {"2026-12-25": "Christmas", "2026-05-01": null}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode holidays;
    public boolean paused;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "paused_by")
    public String pausedBy;
    @Column(name = "max_open_leads")
    public Integer maxOpenLeads;
    @Column(name = "max_leads_per_day")
    public Integer maxLeadsPerDay;
    @Column(name = "manager_email")
    public String managerEmail;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
