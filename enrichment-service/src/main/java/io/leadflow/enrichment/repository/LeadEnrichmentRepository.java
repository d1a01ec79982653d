package io.leadflow.enrichment.repository;

import io.leadflow.enrichment.domain.LeadEnrichment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LeadEnrichmentRepository implements PanacheRepositoryBase<LeadEnrichment, UUID> {
}
