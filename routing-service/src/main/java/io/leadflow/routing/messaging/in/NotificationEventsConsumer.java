package io.leadflow.routing.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.notifications.Notifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.routing.v1 (group "routing-notify"): each committed LeadAssigned is announced to its SDR once through
 * the notification channels that are on (e-mail), whichever replica reads it; each LeadReassigned to its new owner
 * (and a notice to the previous one). Unlike the live inbox feed this is a
 * work queue with an inbox: a notification is sent once per assignment, retried with backoff, then dead-lettered.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    static final String CONSUMER = "routing-notify";

    private final EventConsumer events;
    private final Notifier notifier;

    public NotificationEventsConsumer(EventConsumer events, Notifier notifier) {
        this.events = events;
        this.notifier = notifier;
    }

    @Incoming("sdr-notify")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        if (!notifier.emailOn()) {
            return Uni.createFrom().voidItem(); // nothing to send, so nothing to remember: no inbox transaction per lead
        }
        return events.consume(record, CONSUMER,
                Map.of("LeadAssigned", event -> {
                    LeadAssignedIn assigned = event.as(LeadAssignedIn.class);
                    return notifier.assigned(event.leadId(), assigned.sdrId(), LeadCard.assigned(event.leadId(),
                            assigned.assignmentId(), assigned.assignedAt(), assigned.lead(), assigned.score()));
                }, "LeadReassigned", event -> {
                    LeadReassignedIn moved = event.as(LeadReassignedIn.class);
                    return notifier.reassigned(moved.reassignment(event.leadId(), event.eventId()), moved.card(event.leadId()));
                }),
                Set.of("LeadAccepted", "LeadTouched", "LeadQualified", "LeadDisqualified", "LeadNurtured", "LeadUnmatched"));
    }
}
