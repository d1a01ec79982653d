package io.leadflow.routing.repository;

import io.leadflow.routing.domain.Assignment;
import io.leadflow.routing.roster.Load;
import io.leadflow.routing.roster.OutOfOffice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Uni<Boolean> existsForLead(UUID leadId) {
        return count("leadId", leadId).map(count -> count > 0);
    }

    /** An SDR's own assignment of a lead, or null: another SDR's lead is as good as absent. */
    public Uni<Assignment> findOwn(String sdrId, UUID leadId) {
        return find("leadId = ?1 and sdrId = ?2", leadId, sdrId).firstResult();
    }

    /** Like {@link #findOwn}, with the row locked until the transaction ends (concurrent clicks act once). */
    public Uni<Assignment> lockOwn(String sdrId, UUID leadId) {
        return find("leadId = ?1 and sdrId = ?2", leadId, sdrId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The lead's assignment, whoever holds it, locked until the transaction ends; null if it has none. */
    public Uni<Assignment> lockForLead(UUID leadId) {
        return find("leadId", leadId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The lead's assignment, whoever holds it; null if it has none. */
    public Uni<Assignment> findForLead(UUID leadId) {
        return find("leadId", leadId).firstResult();
    }

    /** An SDR's assignments, newest first. */
    public Uni<List<Assignment>> newestOf(String sdrId, int limit) {
        return find("sdrId", Sort.descending("assignedAt").and("id"), sdrId).page(0, limit).list();
    }

    /** An SDR's load and the out-of-office periods that have not ended, read together. */
    public record LoadAndAbsences(Load load, List<OutOfOffice> away) {
    }

    /**
     * {@link #loads} and, in the same statement (one round trip less on the routing's path), each SDR's
     * out-of-office periods not ended at {@code at}, in start order.
     */
    public Uni<Map<String, LoadAndAbsences>> loadsAndAbsences(Map<String, Instant> startOfDayBySdr, Instant at) {
        if (startOfDayBySdr.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = new ArrayList<>(startOfDayBySdr.keySet());
        return getSession().chain(session -> {
            var query = session.createNativeQuery(LOADS.formatted(values(ids), """
                    ,
                    (select cast(json_agg(json_build_array(o.starts_at, o.ends_at) order by o.starts_at, o.id) as text)
                       from sdr_out_of_office o
                      where o.sdr_id = u.sdr_id and o.ends_at > :at) as away"""), Object[].class);
            bind(query, ids, startOfDayBySdr);
            query.setParameter("at", at);
            return query.getResultList();
        }).map(rows -> {
            Map<String, LoadAndAbsences> loads = new HashMap<>();
            for (Object[] row : rows) {
                loads.put((String) row[0], new LoadAndAbsences(load(row), away((String) row[4])));
            }
            return loads;
        });
    }

    private static final String LOADS = """
            select u.sdr_id,
                   (select count(*) from assignment a
                     where a.sdr_id = u.sdr_id and a.status in ('ASSIGNED', 'ACCEPTED')) as open_leads,
                   (select count(*) from assignment a
                     where a.sdr_id = u.sdr_id and a.assigned_at >= u.day_start) as leads_today,
                   (select max(a.assigned_at) from assignment a where a.sdr_id = u.sdr_id) as last_assigned%2$s
            from (values %1$s) as u (sdr_id, day_start)
            """;

    private static String values(List<String> ids) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(cast(:sdr").append(i).append(" as varchar), cast(:day")
                    .append(i).append(" as timestamptz))");
        }
        return values.toString();
    }

    private static void bind(org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<?> query, List<String> ids,
                             Map<String, Instant> startOfDayBySdr) {
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter("sdr" + i, ids.get(i));
            query.setParameter("day" + i, startOfDayBySdr.get(ids.get(i)));
        }
    }

    private static Load load(Object[] row) {
        return new Load(((Number) row[1]).intValue(), ((Number) row[2]).intValue(), instant(row[3]));
    }

    /** PostgreSQL's JSON of [[starts_at, ends_at], ...] (ISO-8601 with offset); none: null. */
    private static List<OutOfOffice> away(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<OutOfOffice> periods = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode pair : JSON.readTree(json)) {
                periods.add(new OutOfOffice(java.time.OffsetDateTime.parse(pair.get(0).asText()).toInstant(),
                        java.time.OffsetDateTime.parse(pair.get(1).asText()).toInstant()));
            }
            return periods;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable out-of-office periods from the database: " + json, e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * What each SDR holds: open leads (ASSIGNED or ACCEPTED), leads assigned since the given start of
     * their local day, and when they last got one. One statement for all of them; SDRs with nothing have
     * {@link Load#NONE}-like counts. Statuses added later that close a lead (disqualified, nurtured) are
     * not open.
     */
    public Uni<Map<String, Load>> loads(Map<String, Instant> startOfDayBySdr) {
        if (startOfDayBySdr.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = new ArrayList<>(startOfDayBySdr.keySet());
        return getSession().chain(session -> {
            var query = session.createNativeQuery(LOADS.formatted(values(ids), ""), Object[].class);
            bind(query, ids, startOfDayBySdr);
            return query.getResultList();
        }).map(rows -> {
            Map<String, Load> loads = new HashMap<>();
            for (Object[] row : rows) {
                loads.put((String) row[0], load(row));
            }
            return loads;
        });
    }

    /** How many leads each SDR got in the pool within {@code [from, to)}. */
    public Uni<Map<String, Long>> countsInPool(String poolId, Instant from, Instant to) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select sdr_id, count(*) from assignment
                        where pool_id = :pool and assigned_at >= :from and assigned_at < :to
                        group by sdr_id
                        """, Object[].class)
                .setParameter("pool", poolId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList())
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
                    return counts;
                });
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
