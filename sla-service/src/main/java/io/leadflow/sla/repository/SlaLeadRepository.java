package io.leadflow.sla.repository;

import io.leadflow.sla.domain.SlaLead;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class SlaLeadRepository implements PanacheRepositoryBase<SlaLead, UUID> {

    /** The lead, locked for the rest of the transaction; null when the SLA service never saw it assigned. */
    public Uni<SlaLead> findForUpdate(UUID leadId) {
        return findById(leadId, LockModeType.PESSIMISTIC_WRITE);
    }
}
