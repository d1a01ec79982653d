package io.leadflow.routing.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.notifications.Webhooks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.routing.v1 (group "routing-webhook"): each committed LeadAssigned or LeadReassigned is posted to the
 * webhooks of its (new) SDR and its pool. A consumer of its own, apart from e-mail, so that a receiver that is down delays and retries only its
 * own deliveries.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    static final String CONSUMER = "routing-webhook";

    private final EventConsumer events;
    private final Webhooks webhooks;

    public WebhookEventsConsumer(EventConsumer events, Webhooks webhooks) {
        this.events = events;
        this.webhooks = webhooks;
    }

    @Incoming("sdr-webhook")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        if (!webhooks.on()) {
            return Uni.createFrom().voidItem(); // nothing to post, so nothing to remember: no inbox transaction per lead
        }
        return events.consume(record, CONSUMER,
                Map.of("LeadAssigned", event -> {
                    LeadAssignedIn assigned = event.as(LeadAssignedIn.class);
                    return webhooks.assigned(event.eventId(), event.leadId(), assigned.assignmentId(), assigned.sdrId(),
                            assigned.poolId(), LeadCard.assigned(event.leadId(), assigned.assignmentId(),
                                    assigned.assignedAt(), assigned.lead(), assigned.score()));
                }, "LeadReassigned", event -> {
                    LeadReassignedIn moved = event.as(LeadReassignedIn.class);
                    return webhooks.reassigned(event.eventId(), moved.reassignment(event.leadId(), event.eventId()),
                            moved.card(event.leadId()));
                }),
                Set.of("LeadAccepted", "LeadTouched", "LeadQualified", "LeadDisqualified", "LeadNurtured", "LeadUnmatched"));
    }
}
