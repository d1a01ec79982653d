package io.leadflow.capture.repository;

import io.leadflow.capture.domain.IdempotencyKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKey, String> {

    /**
     * Claims a key for a lead. Returns false when the key already belongs to another submission;
     * a concurrent claim of the same key waits for the first one to commit (unique index).
     */
    public Uni<Boolean> claim(String key, UUID leadId, String requestSha256) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_key (key, lead_id, request_sha256)
                        values (:key, cast(:leadId as uuid), :requestSha256)
                        on conflict (key) do nothing
                        """)
                .setParameter("key", key)
                .setParameter("leadId", leadId.toString())
                .setParameter("requestSha256", requestSha256)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
