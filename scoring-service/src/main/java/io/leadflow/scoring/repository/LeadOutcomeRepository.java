package io.leadflow.scoring.repository;

import io.leadflow.scoring.domain.LeadOutcome;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadOutcomeRepository implements PanacheRepositoryBase<LeadOutcome, UUID> {

    public Uni<List<LeadOutcome>> ofLead(UUID leadId) {
        return list("leadId = ?1 order by closedAt", leadId);
    }
}
