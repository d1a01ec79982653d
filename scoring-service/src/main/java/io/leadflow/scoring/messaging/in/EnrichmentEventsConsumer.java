package io.leadflow.scoring.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.scoring.domain.ScoringService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.enrichment.v1: every enriched lead is scored. */
@ApplicationScoped
public class EnrichmentEventsConsumer {

    private final EventConsumer events;
    private final ScoringService scoring;

    public EnrichmentEventsConsumer(EventConsumer events, ScoringService scoring) {
        this.events = events;
        this.scoring = scoring;
    }

    @Incoming("leads-enrichment")
    public Uni<Void> onEnrichmentEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, "scoring-enrichment",
                Map.of("LeadEnriched", event -> scoring.score(event.leadId(), event.as(LeadEnrichedIn.class))),
                Set.of());
    }
}
