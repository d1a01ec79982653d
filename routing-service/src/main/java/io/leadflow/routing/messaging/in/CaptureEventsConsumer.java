package io.leadflow.routing.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.routing.domain.AssignmentService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.capture.v1 for what concerns leads already in an SDR's hands: a known person who
 * submits again, asks not to be contacted, or is erased, is recorded on their assignment (consumer
 * group "routing-capture"). New leads reach routing through scoring, not from here.
 */
@ApplicationScoped
public class CaptureEventsConsumer {

    static final String CONSUMER = "routing-capture";

    private final EventConsumer events;
    private final AssignmentService assignments;

    public CaptureEventsConsumer(EventConsumer events, AssignmentService assignments) {
        this.events = events;
        this.assignments = assignments;
    }

    @Incoming("leads-capture")
    public Uni<Void> onCaptureEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadResubmitted", event -> {
                            LeadResubmittedIn resubmitted = event.as(LeadResubmittedIn.class);
                            return assignments.resubmitted(event.leadId(), resubmitted.resubmissions(), resubmitted.latest(),
                                    resubmitted.lead());
                        },
                        "LeadOptedOut", event -> assignments.optedOut(event.leadId()),
                        "LeadErased", event -> assignments.erase(event.leadId(), event.as(LeadErasedIn.class).erasedAt())),
                Set.of("LeadCaptured", "LeadEngaged"));
    }
}
