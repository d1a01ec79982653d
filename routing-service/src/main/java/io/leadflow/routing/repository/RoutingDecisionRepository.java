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

    /**
     * Records the first decision for a lead known to have none: an insert, without the select {@code merge} needs
     * to find out (a round trip on the routing's path). Should one exist after all, the unique key fails the
     * transaction and the consumer's retry records it with {@link #record}.
     */
    public Uni<RoutingDecision> recordFirst(RoutingDecision decision) {
        return getSession().chain(session -> session.persist(decision)).replaceWith(decision);
    }
}
