package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.sla.kpi.KpiReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Reads leads.scoring.v1 for the KPI funnel (group "sla-scoring"): when a lead became an MQL. */
@ApplicationScoped
public class ScoringEventsConsumer {

    static final String CONSUMER = "sla-scoring";

    private final EventConsumer events;
    private final KpiReadModel kpi;

    public ScoringEventsConsumer(EventConsumer events, KpiReadModel kpi) {
        this.events = events;
        this.kpi = kpi;
    }

    @Incoming("leads-scoring")
    public Uni<Void> onScoringEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadMarketingQualified", event -> {
                    String at = event.payload().path("qualifiedAt").asText(null);
                    return kpi.mql(event.leadId(), at == null ? event.occurredAt() : Instant.parse(at));
                }),
                Set.of("LeadScored"));
    }
}
