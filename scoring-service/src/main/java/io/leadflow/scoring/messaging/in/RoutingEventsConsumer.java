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
 * Reads leads.routing.v1 (group "scoring"): what the SDRs find out. A touch the person answered is a buying signal
 * that re-scores the lead; a disqualification is an outcome the conversion model learns from.
 */
@ApplicationScoped
public class RoutingEventsConsumer {

    static final String CONSUMER = "scoring-routing";

    private final EventConsumer events;
    private final ScoringService scoring;

    public RoutingEventsConsumer(EventConsumer events, ScoringService scoring) {
        this.events = events;
        this.scoring = scoring;
    }

    @Incoming("leads-routing")
    public Uni<Void> onRoutingEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadTouched", event -> scoring.touched(event.leadId(), event.as(LeadTouchedIn.class)),
                        "LeadDisqualified", event -> scoring.disqualified(event.leadId(), event.as(LeadDisqualifiedIn.class))),
                Set.of("LeadAssigned", "LeadAccepted", "LeadQualified", "LeadNurtured", "LeadReassigned", "LeadUnmatched"));
    }
}
