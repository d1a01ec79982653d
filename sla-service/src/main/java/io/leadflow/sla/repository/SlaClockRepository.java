package io.leadflow.sla.repository;

import io.leadflow.sla.domain.ClockState;
import io.leadflow.sla.domain.SlaClock;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    // Rows another replica holds are skipped, not waited for: each due clock is claimed by exactly one scan.
    private static final String CLAIM_DUE = """
            select * from sla_clock
            where state = 'RUNNING' and due_at <= now()
            order by due_at
            limit :limit
            for update skip locked
            """;

    // The same for warnings: running clocks past their at-risk time whose warning has not gone out.
    private static final String CLAIM_AT_RISK = """
            select * from sla_clock
            where state = 'RUNNING' and at_risk_sent_at is null and at_risk_at <= now() and due_at > now()
            order by at_risk_at
            limit :limit
            for update skip locked
            """;

    /** The lead's running clock, locked for the rest of the transaction; null when none runs. */
    public Uni<SlaClock> runningForUpdate(UUID leadId) {
        return find("leadId = ?1 and state = ?2", leadId, ClockState.RUNNING)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** How many clocks of the lead breached so far. */
    public Uni<Long> breachesOf(UUID leadId) {
        return count("leadId = ?1 and state = ?2", leadId, ClockState.BREACHED);
    }

    /** Locks up to {@code limit} running clocks whose deadline has passed, oldest deadline first. */
    public Uni<List<SlaClock>> claimDue(int limit) {
        return claim(CLAIM_DUE, limit);
    }

    /** Locks up to {@code limit} running clocks whose at-risk warning is due, oldest first. */
    public Uni<List<SlaClock>> claimAtRisk(int limit) {
        return claim(CLAIM_AT_RISK, limit);
    }

    private Uni<List<SlaClock>> claim(String sql, int limit) {
        return getSession().chain(session -> session.createNativeQuery(sql, SlaClock.class)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The most recent breaches, newest first. */
    public Uni<List<SlaClock>> recentBreaches(int limit) {
        return find("state", Sort.descending("breachedAt"), ClockState.BREACHED)
                .page(0, limit)
                .list();
    }

    /** Running clocks whose at-risk warning went out, nearest deadline first: the leads at risk now. */
    public Uni<List<SlaClock>> atRisk(int limit) {
        return find("state = ?1 and atRiskSentAt is not null", Sort.ascending("dueAt"), ClockState.RUNNING)
                .page(0, limit)
                .list();
    }
}
