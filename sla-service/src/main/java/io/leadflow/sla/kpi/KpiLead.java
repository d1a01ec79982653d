package io.leadflow.sla.kpi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One lead in the KPI read model: its attribution and the moment it reached each stage. */
@Entity
@Table(name = "kpi_lead")
public class KpiLead {

    /** What an absent source, campaign or channel counts as. */
    public static final String NONE = "(none)";

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "captured_at")
    public Instant capturedAt;
    public LocalDate cohort;
    public String source;
    public String campaign;
    public String channel;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "sdr_id")
    public String sdrId;
    public String variant;
    public String model;
    @Column(name = "mql_at")
    public Instant mqlAt;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "first_touch_at")
    public Instant firstTouchAt;
    @Column(name = "sql_at")
    public Instant sqlAt;
    @Column(name = "opportunity_at")
    public Instant opportunityAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    public String outcome;
    public BigDecimal amount;
    public int recycled;
    @Column(name = "sla_outcome")
    public String slaOutcome;

    /** A lead seen for the first time; {@code capturedAt} null when the event does not say (not counted yet). */
    static KpiLead seen(UUID leadId, Instant capturedAt) {
        KpiLead lead = new KpiLead();
        lead.leadId = leadId;
        if (capturedAt != null) {
            lead.attribute(capturedAt);
        }
        return lead;
    }

    void attribute(Instant captured) {
        capturedAt = captured;
        cohort = monthOf(captured);
    }

    /** Whether the lead's capture time is known: only then does it count in the rollups. */
    boolean attributed() {
        return cohort != null;
    }

    /** The first day of the instant's month in UTC: the rollup row a lead captured then counts in. */
    public static LocalDate monthOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }

    /** Every dimension value the lead is known under now ("all" always); none before it is attributed. */
    List<Dim> dims() {
        List<Dim> dims = new ArrayList<>();
        if (!attributed()) {
            return dims;
        }
        dims.add(Dim.ALL);
        add(dims, "source", source);
        add(dims, "campaign", campaign);
        add(dims, "channel", channel);
        add(dims, "team", poolId);
        add(dims, "sdr", sdrId);
        add(dims, "pool_sdr", poolId == null || sdrId == null ? null : poolId + "/" + sdrId);
        add(dims, "variant", variant);
        add(dims, "model", model);
        return dims;
    }

    private static void add(List<Dim> dims, String dim, String key) {
        if (key != null) {
            dims.add(new Dim(dim, key));
        }
    }

    /** A dimension and one of its values. */
    record Dim(String dim, String key) {
        static final Dim ALL = new Dim("all", "*");
    }
}
