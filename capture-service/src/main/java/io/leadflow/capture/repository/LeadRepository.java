package io.leadflow.capture.repository;

import io.leadflow.capture.domain.Lead;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The person's lead, locked until commit so that concurrent submissions of one person merge one after the other. */
    public Uni<Lead> lockByEmailKey(String emailKey) {
        return find("emailKey", emailKey).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
