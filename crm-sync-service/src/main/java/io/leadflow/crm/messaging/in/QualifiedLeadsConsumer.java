package io.leadflow.crm.messaging.in;

import io.leadflow.crm.story.StoryStore;
import io.leadflow.crm.sync.SyncJobs;
import io.leadflow.messaging.incoming.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.routing.v1: every sales-qualified lead gets exactly one CRM sync job (the worker makes the opportunity);
 * assignments, reassignments and touches before it make up the lead's story for the AE and for attribution.
 */
@ApplicationScoped
public class QualifiedLeadsConsumer {

    static final String CONSUMER = "crm-sync";

    private final EventConsumer events;
    private final SyncJobs syncJobs;
    private final StoryStore stories;

    public QualifiedLeadsConsumer(EventConsumer events, SyncJobs syncJobs, StoryStore stories) {
        this.events = events;
        this.syncJobs = syncJobs;
        this.stories = stories;
    }

    @Incoming("leads-routing")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadQualified", event -> syncJobs.enqueue(event.leadId(), event.as(LeadQualifiedIn.class)),
                        "LeadAssigned", stories::assigned,
                        "LeadReassigned", stories::reassigned,
                        "LeadTouched", stories::touched),
                Set.of("LeadAccepted", "LeadDisqualified", "LeadNurtured", "LeadUnmatched"));
    }
}
