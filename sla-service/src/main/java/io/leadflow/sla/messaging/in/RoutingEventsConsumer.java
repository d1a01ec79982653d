package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.sla.domain.SlaService;
import io.leadflow.sla.kpi.KpiReadModel;
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
    private final KpiReadModel kpi;

    public RoutingEventsConsumer(EventConsumer events, SlaService sla, KpiReadModel kpi) {
        this.events = events;
        this.sla = sla;
        this.kpi = kpi;
    }

    @Incoming("leads-routing")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadAssigned", event -> {
                            LeadAssignedIn assigned = event.as(LeadAssignedIn.class);
                            return sla.assigned(event.leadId(), assigned).chain(() -> kpi.assigned(event.leadId(),
                                    new KpiReadModel.Assignment(micros(assigned.lead().capturedAt()), assigned.lead().source(),
                                            assigned.lead().campaign(), micros(assigned.assignedAt() != null
                                            ? assigned.assignedAt() : event.occurredAt()), assigned.poolId(), assigned.sdrId(),
                                            assigned.variant(), assigned.model())));
                        },
                        "LeadAccepted", event -> {
                            LeadAcceptedIn accepted = event.as(LeadAcceptedIn.class);
                            return sla.accepted(event.leadId(), accepted)
                                    .chain(() -> kpi.accepted(event.leadId(), micros(accepted.acceptedAt())));
                        },
                        "LeadTouched", event -> {
                            LeadTouchedIn touched = event.as(LeadTouchedIn.class);
                            return sla.touched(event.leadId(), touched)
                                    .chain(() -> kpi.firstTouch(event.leadId(), micros(touched.touchedAt())));
                        },
                        "LeadReassigned", event -> sla.reassigned(event.leadId(), event.as(LeadReassignedIn.class)),
                        "LeadQualified", event -> sla.closed(event.leadId(), event.occurredAt(), "qualified")
                                .chain(() -> kpi.qualified(event.leadId(), micros(event.occurredAt()))),
                        "LeadDisqualified", event -> sla.closed(event.leadId(), event.occurredAt(), "disqualified"),
                        "LeadNurtured", event -> sla.closed(event.leadId(), event.occurredAt(), "nurtured")
                                .chain(() -> kpi.recycled(event.leadId()))),
                Set.of("LeadUnmatched"));
    }

    private static java.time.Instant micros(java.time.Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
