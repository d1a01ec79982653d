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

    private static final String RECORD = """
            insert into inbox (consumer, event_id) values (:consumer, cast(:eventId as uuid))
            on conflict do nothing
            """;

    /**
     * Runs {@code work} in one transaction with the inbox insert, unless {@code consumer} already
     * processed {@code eventId}. Completes with {@code true} when the work ran, {@code false} for a duplicate.
     */
    public Uni<Boolean> processOnce(String consumer, UUID eventId, Supplier<Uni<?>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId.toString())
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : work.get().replaceWith(true)));
    }
}
