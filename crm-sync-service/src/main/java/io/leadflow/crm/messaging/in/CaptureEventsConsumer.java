package io.leadflow.crm.messaging.in;

import io.leadflow.crm.domain.CrmService;
import io.leadflow.messaging.incoming.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.capture.v1 for erasures only (group "crm-sync-capture"); opportunities come from routing's events. */
@ApplicationScoped
public class CaptureEventsConsumer {

    static final String CONSUMER = "crm-sync-capture";

    private final EventConsumer events;
    private final CrmService crm;

    public CaptureEventsConsumer(EventConsumer events, CrmService crm) {
        this.events = events;
        this.crm = crm;
    }

    @Incoming("leads-capture")
    public Uni<Void> onCaptureEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadErased", event -> crm.erase(event.leadId(), event.as(LeadErasedIn.class))),
                Set.of("LeadCaptured", "LeadResubmitted", "LeadEngaged", "LeadOptedOut"));
    }
}
