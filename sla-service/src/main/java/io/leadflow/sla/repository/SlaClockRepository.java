package io.leadflow.sla.repository;

import io.leadflow.sla.domain.ClockState;
import io.leadflow.sla.domain.SlaClock;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    private static final String START = """
            insert into sla_clock (id, lead_id, assignment_id, sdr_id, kind, state, started_at, due_at)
            values (:id, :leadId, :assignmentId, :sdrId, :kind, :state, :startedAt, :dueAt)
            on conflict (lead_id, kind) do nothing
            """;

    // Rows another replica holds are skipped, not waited for: each due clock is claimed by exactly one scan.
    private static final String CLAIM_DUE = """
            select * from sla_clock
            where state = 'RUNNING' and due_at <= now()
            order by due_at
            limit :limit
            for update skip locked
            """;

    /**
     * Stores a new clock unless the lead already has one of that kind (a redelivered or repeated
     * assignment). Returns true when the clock was stored.
     */
    public Uni<Boolean> startIfAbsent(SlaClock clock) {
        return getSession().chain(session -> session.createNativeQuery(START)
                        .setParameter("id", clock.id)
                        .setParameter("leadId", clock.leadId)
                        .setParameter("assignmentId", clock.assignmentId)
                        .setParameter("sdrId", clock.sdrId)
                        .setParameter("kind", clock.kind)
                        .setParameter("state", clock.state.name())
                        .setParameter("startedAt", clock.startedAt.atOffset(ZoneOffset.UTC))
                        .setParameter("dueAt", clock.dueAt.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** The lead's clock of that kind, locked for the rest of the transaction; null when there is none. */
    public Uni<SlaClock> findForUpdate(UUID leadId, String kind) {
        return find("leadId = ?1 and kind = ?2", leadId, kind)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Locks up to {@code limit} running clocks whose deadline has passed, oldest deadline first. */
    public Uni<List<SlaClock>> claimDue(int limit) {
        return getSession().chain(session -> session.createNativeQuery(CLAIM_DUE, SlaClock.class)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The most recent breaches, newest first. */
    public Uni<List<SlaClock>> recentBreaches(int limit) {
        return find("state", Sort.descending("breachedAt"), ClockState.BREACHED)
                .page(0, limit)
                .list();
    }
}
