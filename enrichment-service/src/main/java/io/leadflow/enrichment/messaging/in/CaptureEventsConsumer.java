package io.leadflow.enrichment.messaging.in;

import io.leadflow.enrichment.domain.EnrichmentService;
import io.leadflow.messaging.incoming.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.capture.v1: every captured lead is enriched once; an erased one is forgotten. */
@ApplicationScoped
public class CaptureEventsConsumer {

    static final String CONSUMER = "enrichment";

    private final EventConsumer events;
    private final EnrichmentService enrichment;

    public CaptureEventsConsumer(EventConsumer events, EnrichmentService enrichment) {
        this.events = events;
        this.enrichment = enrichment;
    }

    @Incoming("leads-capture")
    public Uni<Void> onCaptureEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadCaptured", event -> enrichment.enrich(event.leadId(), event.as(LeadCapturedIn.class)),
                        "LeadErased", event -> enrichment.erase(event.leadId(), event.as(LeadErasedIn.class))),
                Set.of("LeadResubmitted", "LeadEngaged", "LeadOptedOut"));
    }
}
