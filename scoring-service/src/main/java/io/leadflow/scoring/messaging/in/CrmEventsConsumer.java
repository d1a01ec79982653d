package io.leadflow.scoring.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.scoring.domain.ScoringService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.crm.v1: won/lost outcomes close the loop back to scoring. */
@ApplicationScoped
public class CrmEventsConsumer {

    private final EventConsumer events;
    private final ScoringService scoring;

    public CrmEventsConsumer(EventConsumer events, ScoringService scoring) {
        this.events = events;
        this.scoring = scoring;
    }

    @Incoming("leads-crm")
    public Uni<Void> onCrmEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, "scoring-crm",
                Map.of("OpportunityClosed", event -> scoring.recordOutcome(event.leadId(), event.as(OpportunityClosedIn.class))),
                Set.of("OpportunityCreated", "OpportunityStageChanged", "LeadRecycled"));
    }
}
