package io.leadflow.capture.repository;

import io.leadflow.capture.domain.Erasure;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ErasureRepository implements PanacheRepositoryBase<Erasure, UUID> {

    /** The leads one request erased, the one it named first. */
    public Uni<List<Erasure>> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by requested desc, leadId", requestId);
    }
}
