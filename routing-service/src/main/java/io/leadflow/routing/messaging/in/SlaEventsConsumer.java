package io.leadflow.routing.messaging.in;

import io.leadflow.messaging.incoming.EventConsumer;
import io.leadflow.routing.domain.AssignmentService;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.Reassignments;
import io.leadflow.routing.notifications.Notifier;
import io.leadflow.routing.repository.AssignmentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads leads.sla.v1 (consumer group "routing-sla"): a lead whose SDR missed its deadline goes to the next member of
 * its pool, or to the pool's manager when the policy says escalate (SlaBreached's action); a lead whose deadline is
 * near is e-mailed to its holder (SlaAtRisk; the live inbox gets it from the inbox feed); a lead the policy's
 * attempts did not reach goes to nurture (SlaAttemptsExhausted). SlaEscalated is the record of an escalation that
 * the SlaBreached before it already carried out.
 */
@ApplicationScoped
public class SlaEventsConsumer {

    static final String CONSUMER = "routing-sla";

    private final EventConsumer events;
    private final Reassignments reassignments;
    private final AssignmentService assignmentService;
    private final AssignmentRepository assignments;
    private final Notifier notifier;
    private final MeterRegistry meters;

    public SlaEventsConsumer(EventConsumer events, Reassignments reassignments, AssignmentService assignmentService,
                             AssignmentRepository assignments, Notifier notifier, MeterRegistry meters) {
        this.events = events;
        this.reassignments = reassignments;
        this.assignmentService = assignmentService;
        this.assignments = assignments;
        this.notifier = notifier;
        this.meters = meters;
    }

    @Incoming("leads-sla")
    public Uni<Void> onSlaEvent(ConsumerRecord<String, String> record) {
        return events.consume(record, CONSUMER,
                Map.of("SlaBreached", event -> {
                    SlaBreachedIn breach = event.as(SlaBreachedIn.class);
                    return reassignments.slaBreached(event.leadId(), breach.kind(), breach.sdrId(), breach.dueAt(),
                            breach.escalate()).replaceWithVoid();
                }, "SlaAtRisk", event -> warn(event.leadId(), event.as(SlaAtRiskIn.class)),
                        "SlaAttemptsExhausted", event -> {
                            SlaAttemptsExhaustedIn exhausted = event.as(SlaAttemptsExhaustedIn.class);
                            return assignmentService.nurtureUnreached(event.leadId(), exhausted.attempts(),
                                    exhausted.policyId()).invoke(nurtured -> meters.counter(
                                    "leadflow.routing.sla.nurtured", "outcome", nurtured ? "nurtured" : "stale").increment())
                                    .replaceWithVoid();
                        }),
                Set.of("SlaEscalated"));
    }

    /** E-mails the holder named in the warning, if they still hold the open lead. */
    private Uni<Void> warn(UUID leadId, SlaAtRiskIn warning) {
        return assignments.findForLead(leadId).chain(assignment -> {
            if (assignment == null || !assignment.status.open() || !warning.sdrId().equals(assignment.sdrId)) {
                return Uni.createFrom().voidItem();
            }
            return notifier.atRisk(leadId, assignment.sdrId, LeadCard.of(assignment), warning.owed(), warning.dueAt());
        });
    }
}
