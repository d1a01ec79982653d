package io.leadflow.routing.repository;

import io.leadflow.routing.domain.Assignment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
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
}
