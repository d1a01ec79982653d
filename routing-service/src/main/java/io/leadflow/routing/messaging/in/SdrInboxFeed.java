package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.messaging.incoming.IncomingEvent;
import io.leadflow.messaging.incoming.PoisonEventException;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.SdrInbox;
import io.leadflow.routing.repository.AssignmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;
import java.util.UUID;

/**
 * Feeds the SDRs' live inboxes from leads.routing.v1 itself, i.e. only with assignments that
 * committed, and from leads.capture.v1 with resubmissions of leads already assigned. This is a broadcast, not a work queue: every replica consumes the topic in a consumer
 * group of its own ({@code routing-inbox-<instance uuid>}, from the latest offset) and pushes each
 * LeadAssigned to the SDRs connected to THAT replica; from leads.sla.v1 it pushes the at-risk warnings. There is deliberately no inbox table: nothing
 * is stored, a missed push only means the SDR sees the lead in the list instead of live.
 */
@ApplicationScoped
public class SdrInboxFeed {

    /** Events of leads.routing.v1 and leads.capture.v1 that change nothing in a live inbox (yet). */
    static final Set<String> IGNORED = Set.of("LeadAccepted", "LeadTouched", "LeadQualified", "LeadDisqualified",
            "LeadNurtured", "LeadUnmatched", "LeadCaptured", "LeadEngaged", "LeadErased", "SlaBreached", "SlaEscalated",
            "SlaAttemptsExhausted");

    private final SdrInbox inbox;
    private final AssignmentRepository assignments;
    private final ObjectMapper mapper;

    public SdrInboxFeed(SdrInbox inbox, AssignmentRepository assignments, ObjectMapper mapper) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.mapper = mapper;
    }

    @Incoming("sdr-inbox")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvent.parse(record, mapper)).chain(event -> {
            if ("LeadAssigned".equals(event.eventType())) {
                LeadAssignedIn assigned = event.as(LeadAssignedIn.class);
                inbox.publish(assigned.sdrId(), new SdrInbox.Notice(SdrInbox.Notice.ASSIGNMENT, LeadCard.assigned(
                        event.leadId(), assigned.assignmentId(), assigned.assignedAt(), assigned.lead(), assigned.score())));
                return Uni.createFrom().voidItem();
            }
            if ("LeadReassigned".equals(event.eventType())) {
                // The new owner sees it arrive like any new lead; the old owner's open page takes its card away.
                LeadReassignedIn moved = event.as(LeadReassignedIn.class);
                LeadCard card = LeadCard.assigned(event.leadId(), moved.assignmentId(), moved.reassignedAt(), moved.lead(),
                        moved.score());
                inbox.publish(moved.sdrId(), new SdrInbox.Notice(SdrInbox.Notice.ASSIGNMENT, card));
                if (moved.fromSdrId() != null && !moved.fromSdrId().equals(moved.sdrId())) {
                    inbox.publish(moved.fromSdrId(), new SdrInbox.Notice(SdrInbox.Notice.MOVED, card));
                }
                return Uni.createFrom().voidItem();
            }
            if ("LeadResubmitted".equals(event.eventType())) {
                return notifyOwner(event.leadId(), event.as(LeadResubmittedIn.class));
            }
            if ("SlaAtRisk".equals(event.eventType())) {
                return warnHolder(event.leadId(), event.as(SlaAtRiskIn.class));
            }
            if ("LeadOptedOut".equals(event.eventType())) {
                return notifyOwnerOfOptOut(event.leadId());
            }
            if (!IGNORED.contains(event.eventType())) {
                throw new PoisonEventException("unknown event type " + event.eventType() + " for the SDR inbox feed");
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Tells the lead's owner, if it has one, at once: this person must not be called. */
    private Uni<Void> notifyOwnerOfOptOut(UUID leadId) {
        return detachedAssignment(leadId).invoke(assignment -> {
            if (assignment != null) {
                assignment.optedOut();
                inbox.publish(assignment.sdrId, new SdrInbox.Notice(SdrInbox.Notice.DO_NOT_CONTACT, LeadCard.of(assignment)));
            }
        }).replaceWithVoid();
    }

    /** Warns the lead's holder, if the warning still names them and the lead is open, that its deadline is near. */
    private Uni<Void> warnHolder(UUID leadId, SlaAtRiskIn warning) {
        return detachedAssignment(leadId).invoke(assignment -> {
            if (assignment != null && assignment.status.open() && warning.sdrId().equals(assignment.sdrId)) {
                inbox.publish(assignment.sdrId, new SdrInbox.Notice(SdrInbox.Notice.AT_RISK, LeadCard.of(assignment),
                        warning.dueAt()));
            }
        }).replaceWithVoid();
    }

    /** The lead's assignment, whoever holds it, detached: a card is built from it, nothing of it is written from here. */
    private Uni<io.leadflow.routing.domain.Assignment> detachedAssignment(UUID leadId) {
        return Panache.withSession(() -> assignments.findForLead(leadId).call(found -> found == null
                ? Uni.createFrom().nullItem()
                : Panache.getSession().invoke(session -> session.detach(found))));
    }

    /**
     * Tells the lead's owner, if it has one, that the person came back. The card is the assignment as
     * stored plus this resubmission, so it does not matter whether routing's own consumer of the
     * capture topic recorded it yet.
     */
    private Uni<Void> notifyOwner(UUID leadId, LeadResubmittedIn resubmitted) {
        return detachedAssignment(leadId).invoke(assignment -> {
            if (assignment != null) {
                assignment.resubmitted(resubmitted.resubmissions(), resubmitted.latest(), resubmitted.lead());
                inbox.publish(assignment.sdrId, new SdrInbox.Notice(SdrInbox.Notice.RESUBMISSION, LeadCard.of(assignment)));
            }
        }).replaceWithVoid();
    }
}
