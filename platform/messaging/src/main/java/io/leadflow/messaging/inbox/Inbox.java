package io.leadflow.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Exactly-once effect for at-least-once delivery: the event id is recorded in the inbox in the
 * same transaction as the consumer's state change, and an id seen before is skipped.
 */
@ApplicationScoped
public class Inbox {

    private static final String LOCK_AND_RECORD = """
            with lead_lock as materialized (select pg_advisory_xact_lock(cast(:lockKey as bigint)))
            insert into inbox (consumer, event_id) select :consumer, cast(:eventId as uuid) from lead_lock
            on conflict do nothing
            """;

    /**
     * Runs {@code work} in one transaction with the inbox insert, unless {@code consumer} already processed
     * {@code eventId}, holding the advisory lock {@code lockKey} from before the insert until the commit. {@code work}
     * runs in a later statement, so it reads what a previous holder of the lock committed. Completes with
     * {@code true} when the work ran, {@code false} for a duplicate.
     */
    public Uni<Boolean> processOnce(String consumer, UUID eventId, long lockKey, Supplier<Uni<?>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK_AND_RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId.toString())
                        .setParameter("lockKey", lockKey)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : work.get().replaceWith(true)));
    }
}
