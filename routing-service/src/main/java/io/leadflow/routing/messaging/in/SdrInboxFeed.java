package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.messaging.incoming.IncomingEvent;
import io.leadflow.messaging.incoming.PoisonEventException;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.SdrInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Feeds the SDRs' live inboxes from leads.routing.v1 itself, i.e. only with assignments that
 * committed. This is a broadcast, not a work queue: every replica consumes the topic in a consumer
 * group of its own ({@code routing-inbox-<instance uuid>}, from the latest offset) and pushes each
 * LeadAssigned to the SDRs connected to THAT replica. There is deliberately no inbox table: nothing
 * is stored, a missed push only means the SDR sees the lead in the list instead of live.
 */
@ApplicationScoped
public class SdrInboxFeed {

    /** Events of leads.routing.v1 that change nothing in a live inbox (yet). */
    static final Set<String> IGNORED = Set.of("LeadAccepted", "LeadTouched", "LeadQualified", "LeadDisqualified",
            "LeadNurtured", "LeadReassigned");

    private final SdrInbox inbox;
    private final ObjectMapper mapper;

    public SdrInboxFeed(SdrInbox inbox, ObjectMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @Incoming("sdr-inbox")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvent.parse(record, mapper))
                .invoke(event -> {
                    if ("LeadAssigned".equals(event.eventType())) {
                        LeadAssignedIn assigned = event.as(LeadAssignedIn.class);
                        inbox.publish(assigned.sdrId(), LeadCard.assigned(event.leadId(), assigned.assignmentId(),
                                assigned.assignedAt(), assigned.lead(), assigned.score()));
                    } else if (!IGNORED.contains(event.eventType())) {
                        throw new PoisonEventException("unknown event type " + event.eventType() + " for the SDR inbox feed");
                    }
                })
                .replaceWithVoid();
    }
}
