package io.leadflow.scoring.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.scoring.domain.ScoringService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.capture.v1 (group "scoring-capture"): engagements (LeadEngaged) re-score their lead, and the right to
 * erasure is announced here. Scoring learns the lead itself from enrichment.
 */
@ApplicationScoped
public class CaptureEventsConsumer {

    static final String CONSUMER = "scoring-capture";

    private final EventConsumer events;
    private final ScoringService scoring;

    public CaptureEventsConsumer(EventConsumer events, ScoringService scoring) {
        this.events = events;
        this.scoring = scoring;
    }

    @Incoming("leads-capture")
    public Uni<Void> onCaptureEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadErased", event -> scoring.erase(event.leadId(), event.as(LeadErasedIn.class)),
                        "LeadEngaged", event -> scoring.engaged(event.leadId(), event.payload())),
                Set.of("LeadCaptured", "LeadResubmitted", "LeadOptedOut"));
    }
}
