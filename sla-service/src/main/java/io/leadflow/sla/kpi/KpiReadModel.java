package io.leadflow.sla.kpi;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes the KPI read model from the events the SLA service consumes, inside each consumer's inbox transaction (so
 * a redelivered event counts once). A lead counts in the rollup rows of its capture month under every dimension value
 * known for it; a value learned later (the SDR at assignment, the channel when the capture event is read after the
 * assignment) is back-filled with the stages the lead already reached. Each stage counts once per lead: the first
 * time it is reached. An event read before the lead's capture time is known (topics are read by separate consumers,
 * so an MQL may come before the capture) is recorded on the lead and counted, with its durations, once the capture
 * time arrives.
 */
@ApplicationScoped
public class KpiReadModel {

    /** Rollup columns an event may add to; the SQL is built from these names only. */
    private static final Set<String> COLUMNS = Set.of("inquiries", "mql", "sal", "sql", "opportunities", "won", "lost",
            "recycled", "won_amount", "sla_met", "sla_breached", "to_mql_s", "to_mql_n", "to_sal_s", "to_sal_n",
            "to_sql_s", "to_sql_n", "to_opp_s", "to_opp_n", "to_close_s", "to_close_n");

    /** What an assignment tells the read model. */
    public record Assignment(Instant capturedAt, String source, String campaign, Instant assignedAt, String poolId,
                             String sdrId, String variant, String model) {
    }

    /** LeadCaptured: the lead enters the funnel (an inquiry) with its source, campaign and capture channel. */
    public Uni<Void> captured(UUID leadId, Instant capturedAt, String source, String campaign, String channel) {
        return find(leadId).chain(known -> {
            KpiLead lead = known != null ? known : KpiLead.seen(leadId, capturedAt);
            List<KpiLead.Dim> before = known == null ? List.of() : known.dims();
            if (!lead.attributed()) {
                lead.attribute(capturedAt);
            }
            if (lead.source == null) {
                lead.source = orNone(source);
            }
            if (lead.campaign == null) {
                lead.campaign = orNone(campaign);
            }
            if (lead.channel == null) {
                lead.channel = orNone(channel);
            }
            Uni<Void> stored = known == null ? persist(lead) : Uni.createFrom().voidItem();
            return stored.chain(() -> learned(lead, before));
        });
    }

    /** LeadAssigned: the lead's team, SDR, routing variant and scoring model become known; capture to assignment. */
    public Uni<Void> assigned(UUID leadId, Assignment assignment) {
        return find(leadId).chain(known -> {
            KpiLead lead = known != null ? known : KpiLead.seen(leadId, assignment.capturedAt());
            List<KpiLead.Dim> before = known == null ? List.of() : known.dims();
            if (!lead.attributed()) {
                lead.attribute(assignment.capturedAt());
            }
            if (lead.source == null) {
                lead.source = orNone(assignment.source());
            }
            if (lead.campaign == null) {
                lead.campaign = orNone(assignment.campaign());
            }
            boolean first = lead.assignedAt == null;
            if (first) {
                lead.assignedAt = assignment.assignedAt();
                lead.poolId = assignment.poolId();
                lead.sdrId = assignment.sdrId();
                lead.variant = orNone(assignment.variant());
                lead.model = orNone(assignment.model());
            }
            Uni<Void> stored = known == null ? persist(lead) : Uni.createFrom().voidItem();
            Uni<Void> counted = stored.chain(() -> learned(lead, before));
            // A lead attributed just now had its histogram counted by learned().
            return first && !before.isEmpty()
                    ? counted.chain(() -> histogram(lead, "assigned_hist", seconds(lead.capturedAt, lead.assignedAt)))
                    : counted;
        });
    }

    public Uni<Void> mql(UUID leadId, Instant at) {
        return stage(leadId, lead -> lead.mqlAt, lead -> lead.mqlAt = at, lead -> transition("mql", "to_mql",
                seconds(lead.capturedAt, at)));
    }

    public Uni<Void> accepted(UUID leadId, Instant at) {
        return stage(leadId, lead -> lead.acceptedAt, lead -> lead.acceptedAt = at, lead -> transition("sal", "to_sal",
                seconds(lead.capturedAt, at)));
    }

    /** The first touch: the speed to lead. */
    public Uni<Void> firstTouch(UUID leadId, Instant at) {
        return findOrSeen(leadId).chain(lead -> {
            if (lead.firstTouchAt != null) {
                return Uni.createFrom().voidItem();
            }
            lead.firstTouchAt = at;
            return lead.attributed() ? histogram(lead, "first_touch_hist", seconds(lead.capturedAt, at))
                    : Uni.createFrom().voidItem();
        });
    }

    /** The lead's first first-touch clock was met or breached; counted once, the first outcome wins. */
    public Uni<Void> slaOutcome(UUID leadId, boolean met) {
        return findOrSeen(leadId).chain(lead -> {
            if (lead.slaOutcome != null) {
                return Uni.createFrom().voidItem();
            }
            lead.slaOutcome = met ? "met" : "breached";
            return add(lead, lead.dims(), Map.of(met ? "sla_met" : "sla_breached", 1));
        });
    }

    public Uni<Void> qualified(UUID leadId, Instant at) {
        return stage(leadId, lead -> lead.sqlAt, lead -> lead.sqlAt = at, lead -> transition("sql", "to_sql",
                seconds(lead.capturedAt, at)));
    }

    public Uni<Void> opportunity(UUID leadId, Instant at) {
        return stage(leadId, lead -> lead.opportunityAt, lead -> lead.opportunityAt = at, lead -> transition(
                "opportunities", "to_opp", seconds(lead.capturedAt, at)));
    }

    public Uni<Void> closed(UUID leadId, Instant at, boolean won, BigDecimal amount) {
        return stage(leadId, lead -> lead.closedAt, lead -> {
            lead.closedAt = at;
            lead.outcome = won ? "won" : "lost";
            lead.amount = amount;
        }, lead -> {
            Map<String, Number> add = transition(won ? "won" : "lost", "to_close", seconds(lead.capturedAt, at));
            if (won && amount != null) {
                add.put("won_amount", amount);
            }
            return add;
        });
    }

    /** The lead went back to nurture (each time counts: recycled leads). */
    public Uni<Void> recycled(UUID leadId) {
        return findOrSeen(leadId).chain(lead -> {
            lead.recycled++;
            return add(lead, lead.dims(), Map.of("recycled", 1));
        });
    }

    private interface Getter {
        Instant get(KpiLead lead);
    }

    private interface Counts {
        Map<String, Number> of(KpiLead lead);
    }

    /** A stage reached: recorded and counted the first time only. */
    private Uni<Void> stage(UUID leadId, Getter reached, Consumer<KpiLead> record, Counts counts) {
        return findOrSeen(leadId).chain(lead -> {
            if (reached.get(lead) != null) {
                return Uni.createFrom().voidItem();
            }
            if (!lead.attributed()) {
                record.accept(lead); // counted when the capture time arrives
                return Uni.createFrom().voidItem();
            }
            Map<String, Number> add = counts.of(lead);
            record.accept(lead);
            return add(lead, lead.dims(), add);
        });
    }

    private static Map<String, Number> transition(String stage, String duration, double seconds) {
        Map<String, Number> add = new LinkedHashMap<>();
        add.put(stage, 1);
        add.put(duration + "_s", seconds);
        add.put(duration + "_n", 1);
        return add;
    }

    /** A lead's newly known dimension values get the inquiry and every stage it reached so far. */
    private Uni<Void> learned(KpiLead lead, List<KpiLead.Dim> before) {
        List<KpiLead.Dim> fresh = new ArrayList<>(lead.dims());
        fresh.removeAll(before);
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Number> add = new LinkedHashMap<>();
        add.put("inquiries", 1);
        count(add, "mql", lead.mqlAt);
        count(add, "sal", lead.acceptedAt);
        count(add, "sql", lead.sqlAt);
        count(add, "opportunities", lead.opportunityAt);
        if (lead.closedAt != null) {
            add.put("won".equals(lead.outcome) ? "won" : "lost", 1);
            if ("won".equals(lead.outcome) && lead.amount != null) {
                add.put("won_amount", lead.amount);
            }
        }
        if (lead.recycled > 0) {
            add.put("recycled", lead.recycled);
        }
        if (lead.slaOutcome != null) {
            add.put("met".equals(lead.slaOutcome) ? "sla_met" : "sla_breached", 1);
        }
        if (!before.isEmpty()) {
            return add(lead, fresh, add);
        }
        // Counted for the first time: with the stage durations and histograms of everything it reached before.
        duration(add, "to_mql", lead.capturedAt, lead.mqlAt);
        duration(add, "to_sal", lead.capturedAt, lead.acceptedAt);
        duration(add, "to_sql", lead.capturedAt, lead.sqlAt);
        duration(add, "to_opp", lead.capturedAt, lead.opportunityAt);
        duration(add, "to_close", lead.capturedAt, lead.closedAt);
        Uni<Void> counted = add(lead, fresh, add);
        if (lead.assignedAt != null) {
            counted = counted.chain(() -> histogram(lead, "assigned_hist", seconds(lead.capturedAt, lead.assignedAt)));
        }
        if (lead.firstTouchAt != null) {
            counted = counted.chain(() -> histogram(lead, "first_touch_hist", seconds(lead.capturedAt, lead.firstTouchAt)));
        }
        return counted;
    }

    private static void duration(Map<String, Number> add, String name, Instant from, Instant to) {
        if (to != null) {
            add.put(name + "_s", seconds(from, to));
            add.put(name + "_n", 1);
        }
    }

    private static void count(Map<String, Number> add, String column, Instant reached) {
        if (reached != null) {
            add.put(column, 1);
        }
    }

    private Uni<Void> add(KpiLead lead, List<KpiLead.Dim> dims, Map<String, Number> add) {
        if (dims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder set = new StringBuilder();
        add.keySet().forEach(column -> {
            if (!COLUMNS.contains(column)) {
                throw new IllegalArgumentException("not a rollup column: " + column);
            }
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = kpi_rollup.").append(column).append(" + :")
                    .append(column);
        });
        return ensureRows(lead, dims).chain(session -> {
            var update = session.createNativeQuery("update kpi_rollup set " + set + " where month = :month and "
                    + keyFilter(dims));
            add.forEach(update::setParameter);
            bindKeys(update, lead, dims);
            return update.executeUpdate();
        }).replaceWithVoid();
    }

    private Uni<Void> histogram(KpiLead lead, String column, double seconds) {
        int position = SpeedHistogram.bucketOf(seconds) + 1; // PostgreSQL arrays count from 1
        List<KpiLead.Dim> dims = lead.dims();
        return ensureRows(lead, dims).chain(session -> {
            var update = session.createNativeQuery("update kpi_rollup set " + column + "[" + position + "] = "
                    + column + "[" + position + "] + 1 where month = :month and " + keyFilter(dims));
            bindKeys(update, lead, dims);
            return update.executeUpdate();
        }).replaceWithVoid();
    }

    /** Creates the lead's missing rollup rows; answers the session for the update that follows. */
    private Uni<Mutiny.Session> ensureRows(KpiLead lead, List<KpiLead.Dim> dims) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < dims.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:month, :d").append(i).append(", :k").append(i).append(")");
        }
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery("insert into kpi_rollup (month, dim, key) values " + values
                    + " on conflict (month, dim, key) do nothing");
            bindKeys(insert, lead, dims);
            return insert.executeUpdate().replaceWith(session);
        });
    }

    private static String keyFilter(List<KpiLead.Dim> dims) {
        StringBuilder filter = new StringBuilder("(dim, key) in (");
        for (int i = 0; i < dims.size(); i++) {
            filter.append(i == 0 ? "" : ", ").append("(:d").append(i).append(", :k").append(i).append(")");
        }
        return filter.append(")").toString();
    }

    private static void bindKeys(Mutiny.MutationQuery query, KpiLead lead, List<KpiLead.Dim> dims) {
        query.setParameter("month", lead.cohort);
        for (int i = 0; i < dims.size(); i++) {
            query.setParameter("d" + i, dims.get(i).dim());
            query.setParameter("k" + i, dims.get(i).key());
        }
    }

    private Uni<KpiLead> find(UUID leadId) {
        return Panache.getSession().chain(session -> session.find(KpiLead.class, leadId));
    }

    /** The lead, or a new unattributed one (stored) when this is the first event of it the model reads. */
    private Uni<KpiLead> findOrSeen(UUID leadId) {
        return find(leadId).chain(found -> found != null ? Uni.createFrom().item(found)
                : Uni.createFrom().item(KpiLead.seen(leadId, null)).call(this::persist));
    }

    private Uni<Void> persist(KpiLead lead) {
        return Panache.getSession().chain(session -> session.persist(lead));
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? KpiLead.NONE : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos() / 1e9);
    }
}
