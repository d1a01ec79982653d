package io.leadflow.scoring.repository;

import io.leadflow.scoring.domain.LeadEngagement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LeadEngagementRepository implements PanacheRepositoryBase<LeadEngagement, UUID> {
}
