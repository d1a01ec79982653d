package io.leadflow.messaging.erasure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The leads this service knows to be erased (table {@code erased_lead}), and the per-lead lock that
 * keeps an erasure and any other event of the same lead from interleaving. Every method runs in the
 * caller's transaction.
 *
 * <p>Why a lock: the events of one lead arrive on several topics, read by several channels at once.
 * Without it, a LeadScored handler could check "not erased", LeadErased could then commit its
 * clean-up, and the LeadScored handler would commit the person's data after it. With it, whichever
 * comes second sees the first one's effect.
 */
@ApplicationScoped
public class ErasedLeads {

    /** The event type capture publishes when a person's data was erased. */
    public static final String LEAD_ERASED = "LeadErased";

    /** Whether LeadErased was applied for this lead. Read after the lead's lock ({@link #lockKey}), in a new statement, to see a concurrent erasure. */
    public Uni<Boolean> isErased(UUID leadId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*) from erased_lead where lead_id = cast(:leadId as uuid)", Long.class)
                        .setParameter("leadId", leadId.toString())
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** Records the erasure; true when it is new. */
    public Uni<Boolean> record(UUID leadId, Instant erasedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into erased_lead (lead_id, erased_at)
                        values (cast(:leadId as uuid), cast(cast(:erasedAt as text) as timestamptz))
                        on conflict do nothing
                        """)
                        .setParameter("leadId", leadId.toString())
                        .setParameter("erasedAt", erasedAt.toString())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** The advisory-lock key of a lead; whoever changes a lead outside a consumer takes the same lock. */
    public static long lockKey(UUID leadId) {
        return leadId.getMostSignificantBits() ^ leadId.getLeastSignificantBits();
    }
}
