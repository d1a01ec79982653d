package io.leadflow.capture.repository;

import io.leadflow.capture.domain.IdempotencyKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
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

    /** A key to claim for a lead, with the SHA-256 of the normalised submission that uses it. */
    public record Claim(String key, UUID leadId, String requestSha256) {
    }

    /**
     * Claims many keys in one statement; answers how many were inserted. Fewer than asked means another
     * transaction claimed some of them first (a concurrent claim waits for the first one to commit).
     */
    public Uni<Integer> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("insert into idempotency_key (key, lead_id, request_sha256) values ");
        for (int i = 0; i < claims.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:k").append(i).append(", cast(:l").append(i).append(" as uuid), :s")
                    .append(i).append(')');
        }
        sql.append(" on conflict (key) do nothing");
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                query.setParameter("k" + i, claim.key())
                        .setParameter("l" + i, claim.leadId().toString())
                        .setParameter("s" + i, claim.requestSha256());
            }
            return query.executeUpdate();
        });
    }
}
