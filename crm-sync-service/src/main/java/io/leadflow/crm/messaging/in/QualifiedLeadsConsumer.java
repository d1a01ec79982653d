package io.leadflow.crm.messaging.in;

import io.leadflow.crm.domain.CrmService;
import io.leadflow.messaging.incoming.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.routing.v1: every sales-qualified lead becomes exactly one opportunity in the CRM. */
@ApplicationScoped
public class QualifiedLeadsConsumer {

    static final String CONSUMER = "crm-sync";

    private final EventConsumer events;
    private final CrmService crm;

    public QualifiedLeadsConsumer(EventConsumer events, CrmService crm) {
        this.events = events;
        this.crm = crm;
    }

    @Incoming("leads-routing")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadQualified", event -> crm.convert(event.leadId(), event.as(LeadQualifiedIn.class))),
                Set.of("LeadAssigned", "LeadAccepted", "LeadTouched", "LeadDisqualified", "LeadNurtured", "LeadReassigned", "LeadUnmatched"));
    }
}
