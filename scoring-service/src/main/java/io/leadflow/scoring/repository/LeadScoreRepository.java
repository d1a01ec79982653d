package io.leadflow.scoring.repository;

import io.leadflow.scoring.domain.LeadScore;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LeadScoreRepository implements PanacheRepositoryBase<LeadScore, UUID> {
}
