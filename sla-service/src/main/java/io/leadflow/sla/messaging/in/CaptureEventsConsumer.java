package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.sla.domain.SlaService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.capture.v1 for erasures only (group "sla-capture"); clocks start from routing's events. */
@ApplicationScoped
public class CaptureEventsConsumer {

    static final String CONSUMER = "sla-capture";

    private final EventConsumer events;
    private final SlaService sla;

    public CaptureEventsConsumer(EventConsumer events, SlaService sla) {
        this.events = events;
        this.sla = sla;
    }

    @Incoming("leads-capture")
    public Uni<Void> onCaptureEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadErased", event -> sla.erase(event.leadId(), event.as(LeadErasedIn.class))),
                Set.of("LeadCaptured", "LeadResubmitted", "LeadEngaged", "LeadOptedOut"));
    }
}
