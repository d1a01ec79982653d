package io.leadflow.crm.repository;

import io.leadflow.crm.domain.Opportunity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, UUID> {

    public Uni<Opportunity> findByLeadId(UUID leadId) {
        return find("leadId", leadId).firstResult();
    }

    /** The opportunity, locked for the rest of the transaction (two closes never both succeed); null when unknown. */
    public Uni<Opportunity> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The lead's opportunities (at most one), or the most recent ones when no lead is given. */
    public Uni<List<Opportunity>> list(UUID leadId, int limit) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        return leadId == null
                ? findAll(newestFirst).page(0, limit).list()
                : find("leadId", newestFirst, leadId).page(0, limit).list();
    }
}
