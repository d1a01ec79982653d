package io.leadflow.sla.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.sla.domain.SlaService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * Reads leads.capture.v1 (group "sla-capture"): erasures, and captures for the KPI funnel (an inquiry with its
 * source, campaign and channel); clocks start from routing's events.
 */
@ApplicationScoped
public class CaptureEventsConsumer {

    static final String CONSUMER = "sla-capture";

    private final EventConsumer events;
    private final SlaService sla;
    private final io.leadflow.sla.kpi.KpiReadModel kpi;

    public CaptureEventsConsumer(EventConsumer events, SlaService sla, io.leadflow.sla.kpi.KpiReadModel kpi) {
        this.events = events;
        this.sla = sla;
        this.kpi = kpi;
    }

    @Incoming("leads-capture")
    public Uni<Void> onCaptureEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("LeadErased", event -> sla.erase(event.leadId(), event.as(LeadErasedIn.class)),
                        "LeadCaptured", event -> {
                            LeadCapturedIn captured = event.as(LeadCapturedIn.class);
                            return kpi.captured(event.leadId(), captured.capturedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                                    captured.source(), captured.campaign(), captured.channel());
                        }),
                Set.of("LeadResubmitted", "LeadEngaged", "LeadOptedOut"));
    }
}
