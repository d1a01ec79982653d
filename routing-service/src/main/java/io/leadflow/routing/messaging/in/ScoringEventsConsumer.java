package io.leadflow.routing.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.routing.domain.RoutingService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/** Reads leads.scoring.v1: every scored lead is routed once (consumer group "routing"). */
@ApplicationScoped
public class ScoringEventsConsumer {

    static final String CONSUMER = "routing";

    private final EventConsumer events;
    private final RoutingService routing;

    public ScoringEventsConsumer(EventConsumer events, RoutingService routing) {
        this.events = events;
        this.routing = routing;
    }

    @Incoming("leads-scoring")
    public Uni<Void> onScoringEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadScored", event -> routing.route(event.leadId(), event.as(LeadScoredIn.class))),
                Set.of("LeadMarketingQualified"));
    }
}
