package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.sla.domain.SlaService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.routing.v1: an assignment starts the first-touch clock, an acceptance stops it. */
@ApplicationScoped
public class RoutingEventsConsumer {

    static final String CONSUMER = "sla";

    private final EventConsumer events;
    private final SlaService sla;

    public RoutingEventsConsumer(EventConsumer events, SlaService sla) {
        this.events = events;
        this.sla = sla;
    }

    @Incoming("leads-routing")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadAssigned", event -> sla.startFirstTouch(event.leadId(), event.as(LeadAssignedIn.class)),
                        "LeadAccepted", event -> sla.stopFirstTouch(event.leadId(), event.as(LeadAcceptedIn.class))),
                Set.of("LeadQualified", "LeadTouched", "LeadDisqualified", "LeadNurtured", "LeadReassigned", "LeadUnmatched"));
    }
}
