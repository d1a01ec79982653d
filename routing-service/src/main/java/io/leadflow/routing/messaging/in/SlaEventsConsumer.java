package io.leadflow.routing.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.routing.domain.Reassignments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.sla.v1: a lead whose SDR missed its deadline goes to the next member of its pool, or to the pool's
 * manager after repeated breaches (consumer group "routing-sla"). SlaBreached is the topic's only event type; any
 * other is dead-lettered until this consumer knows it.
 */
@ApplicationScoped
public class SlaEventsConsumer {

    static final String CONSUMER = "routing-sla";

    private final EventConsumer events;
    private final Reassignments reassignments;

    public SlaEventsConsumer(EventConsumer events, Reassignments reassignments) {
        this.events = events;
        this.reassignments = reassignments;
    }

    @Incoming("leads-sla")
    public Uni<Void> onSlaEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("SlaBreached", event -> {
                    SlaBreachedIn breach = event.as(SlaBreachedIn.class);
                    return reassignments.slaBreached(event.leadId(), breach.kind(), breach.sdrId(), breach.dueAt());
                }),
                Set.of());
    }
}
