package io.leadflow.capture.repository;

import io.leadflow.capture.domain.Lead;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The person's lead, locked until commit so that concurrent submissions of one person merge one after the other. */
    public Uni<Lead> lockByEmailKey(String emailKey) {
        return find("emailKey", emailKey).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The leads of these people, locked until commit, in the order of their keys: two transactions
     * locking overlapping sets of people take the locks in the same order and cannot deadlock.
     */
    public Uni<List<Lead>> lockByEmailKeys(Collection<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("emailKey in ?1 order by emailKey", emailKeys).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
