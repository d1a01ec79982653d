package io.leadflow.routing.repository;

import io.leadflow.routing.domain.Assignment;
import io.leadflow.routing.roster.Load;
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
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(cast(:sdr").append(i).append(" as varchar), cast(:day")
                    .append(i).append(" as timestamptz))");
        }
        return getSession().chain(session -> {
            var query = session.createNativeQuery("""
                    select u.sdr_id,
                           (select count(*) from assignment a
                             where a.sdr_id = u.sdr_id and a.status in ('ASSIGNED', 'ACCEPTED')) as open_leads,
                           (select count(*) from assignment a
                             where a.sdr_id = u.sdr_id and a.assigned_at >= u.day_start) as leads_today,
                           (select max(a.assigned_at) from assignment a where a.sdr_id = u.sdr_id) as last_assigned
                    from (values %s) as u (sdr_id, day_start)
                    """.formatted(values), Object[].class);
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter("sdr" + i, ids.get(i));
                query.setParameter("day" + i, startOfDayBySdr.get(ids.get(i)));
            }
            return query.getResultList();
        }).map(rows -> {
            Map<String, Load> loads = new HashMap<>();
            for (Object[] row : rows) {
                loads.put((String) row[0], new Load(((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                        instant(row[3])));
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
