package io.leadflow.capture.repository;

import io.leadflow.capture.domain.IdempotencyKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Idempotency keys for the read and erasure side; capture claims them in its own transaction ({@link LeadStore#claim}). */
@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKey, String> {
}
