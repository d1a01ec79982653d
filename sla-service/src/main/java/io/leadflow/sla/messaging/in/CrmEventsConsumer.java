package io.leadflow.sla.messaging.in;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.messaging.incoming.PoisonEventException;
import io.leadflow.sla.kpi.KpiReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Reads leads.crm.v1 for the KPI funnel (group "sla-crm"): opportunities created, won and lost. */
@ApplicationScoped
public class CrmEventsConsumer {

    static final String CONSUMER = "sla-crm";

    private final EventConsumer events;
    private final KpiReadModel kpi;

    public CrmEventsConsumer(EventConsumer events, KpiReadModel kpi) {
        this.events = events;
        this.kpi = kpi;
    }

    @Incoming("leads-crm")
    public Uni<Void> onCrmEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("OpportunityCreated", event -> kpi.opportunity(event.leadId(), event.occurredAt()),
                        "OpportunityClosed", event -> {
                            JsonNode closed = event.payload();
                            String outcome = closed.path("outcome").asText("");
                            if (!"WON".equals(outcome) && !"LOST".equals(outcome)) {
                                throw new PoisonEventException("OpportunityClosed.outcome must be WON or LOST, got " + outcome);
                            }
                            Instant at = closed.hasNonNull("closedAt") ? Instant.parse(closed.get("closedAt").asText())
                                    : event.occurredAt();
                            BigDecimal amount = closed.path("amount").isNumber() ? closed.get("amount").decimalValue() : null;
                            return kpi.closed(event.leadId(), at, "WON".equals(outcome), amount);
                        },
                        // A lost deal's lead back in nurture counts as recycled, like a lead the SDR nurtured.
                        "LeadRecycled", event -> kpi.recycled(event.leadId())),
                Set.of("OpportunityStageChanged"));
    }
}
