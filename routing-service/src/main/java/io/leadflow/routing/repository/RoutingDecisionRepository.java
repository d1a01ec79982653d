package io.leadflow.routing.repository;

import io.leadflow.routing.domain.RoutingDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class RoutingDecisionRepository implements PanacheRepositoryBase<RoutingDecision, UUID> {

    /** Records the lead's latest decision (a re-scored lead that was not assigned before gets a new one). */
    public Uni<RoutingDecision> record(RoutingDecision decision) {
        return getSession().chain(session -> session.merge(decision));
    }
}
