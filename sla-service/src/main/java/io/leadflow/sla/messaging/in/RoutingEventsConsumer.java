package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.sla.domain.SlaService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.routing.v1: an assignment starts the first-touch clock, a touch stops it (and starts the next
 * follow-up), a reassignment gives the new holder a clock, closing the lead calls it off; an acceptance counts
 * where the policy says so.
 */
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
                Map.of("LeadAssigned", event -> sla.assigned(event.leadId(), event.as(LeadAssignedIn.class)),
                        "LeadAccepted", event -> sla.accepted(event.leadId(), event.as(LeadAcceptedIn.class)),
                        "LeadTouched", event -> sla.touched(event.leadId(), event.as(LeadTouchedIn.class)),
                        "LeadReassigned", event -> sla.reassigned(event.leadId(), event.as(LeadReassignedIn.class)),
                        "LeadQualified", event -> sla.closed(event.leadId(), event.occurredAt(), "qualified"),
                        "LeadDisqualified", event -> sla.closed(event.leadId(), event.occurredAt(), "disqualified"),
                        "LeadNurtured", event -> sla.closed(event.leadId(), event.occurredAt(), "nurtured")),
                Set.of("LeadUnmatched"));
    }
}
