package io.leadflow.routing.repository;

import io.leadflow.routing.domain.LeadDecline;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadDeclineRepository implements PanacheRepositoryBase<LeadDecline, UUID> {

    /** The SDRs who declined the lead, each once. */
    public Uni<List<String>> declinersOf(UUID leadId) {
        return find("select distinct d.sdrId from LeadDecline d where d.leadId = ?1", leadId).project(String.class).list();
    }
}
