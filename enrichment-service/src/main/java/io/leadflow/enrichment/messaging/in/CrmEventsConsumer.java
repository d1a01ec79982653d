package io.leadflow.enrichment.messaging.in;

import io.leadflow.enrichment.accounts.AccountBook;
import io.leadflow.enrichment.domain.Account;
import io.leadflow.messaging.incoming.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads leads.crm.v1: the account of every opportunity crm-sync opens becomes a known account, so the next lead of that
 * company (by domain, or by name from a webmail address) is matched to it and its owner.
 */
@ApplicationScoped
public class CrmEventsConsumer {

    static final String CONSUMER = "enrichment-accounts";

    private final EventConsumer events;
    private final AccountBook accounts;

    public CrmEventsConsumer(EventConsumer events, AccountBook accounts) {
        this.events = events;
        this.accounts = accounts;
    }

    /** enrichment's copy of OpportunityCreated: only the account (absent on events from before it was carried). */
    public record OpportunityCreatedIn(AccountRef account) {
        public record AccountRef(UUID id, String name, String domain, String ownerId) {
        }
    }

    @Incoming("leads-crm")
    public Uni<Void> onCrmEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("OpportunityCreated", event -> learn(event.as(OpportunityCreatedIn.class))),
                Set.of("OpportunityClosed", "OpportunityStageChanged", "LeadRecycled"));
    }

    private Uni<Void> learn(OpportunityCreatedIn created) {
        OpportunityCreatedIn.AccountRef a = created.account();
        if (a == null || a.id() == null) {
            return Uni.createFrom().voidItem();
        }
        return accounts.upsertInTransaction(new Account(a.id().toString(), a.name(),
                a.domain() == null ? Set.of() : Set.of(a.domain()), null, a.ownerId()), "crm");
    }
}
