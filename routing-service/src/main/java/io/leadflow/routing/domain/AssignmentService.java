package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.routing.messaging.out.LeadAccepted;
import io.leadflow.routing.messaging.out.LeadDisqualified;
import io.leadflow.routing.messaging.out.LeadNurtured;
import io.leadflow.routing.messaging.out.LeadReassigned;
import io.leadflow.routing.messaging.out.LeadTouched;
import io.leadflow.routing.messaging.out.LeadQualified;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * What an SDR does with their own leads. Another SDR's lead is answered as not found, never as
 * forbidden: an SDR cannot even learn that it exists.
 */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ErasedLeads erasedLeads;

    public AssignmentService(AssignmentRepository assignments, Outbox outbox, ObjectMapper mapper, ErasedLeads erasedLeads) {
        this.assignments = assignments;
        this.erasedLeads = erasedLeads;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** The SDR's leads, newest assignment first. */
    public Uni<List<LeadCard>> leadsOf(String sdrId, int limit) {
        return Panache.withSession(() -> assignments.newestOf(sdrId, limit))
                .map(found -> found.stream().map(LeadCard::of).toList());
    }

    public Uni<LeadCard> leadOf(String sdrId, UUID leadId) {
        return Panache.withSession(() -> assignments.findOwn(sdrId, leadId))
                .map(assignment -> LeadCard.of(own(assignment, leadId)));
    }

    /** Accepts the lead (LeadAccepted); accepting it again changes nothing and publishes nothing. */
    public Uni<LeadCard> accept(String sdrId, UUID leadId) {
        return Panache.withTransaction(() -> assignments.lockOwn(sdrId, leadId).chain(found -> {
            Assignment assignment = own(found, leadId);
            if (!assignment.accept(now())) {
                return Uni.createFrom().item(LeadCard.of(assignment));
            }
            return outbox.append(LeadAccepted.TYPE, leadId, LeadAccepted.of(assignment))
                    .replaceWith(() -> LeadCard.of(assignment));
        }));
    }

    /**
     * Qualifies an accepted lead as sales-qualified with a checked {@link Qualification} (LeadQualified, with the
     * framework, the answers and the snapshots CRM sync needs).
     */
    public Uni<LeadCard> qualify(String sdrId, UUID leadId, Qualification qualification) {
        return Panache.withTransaction(() -> assignments.lockOwn(sdrId, leadId).chain(found -> {
            Assignment assignment = own(found, leadId);
            ObjectNode stored = mapper.createObjectNode().put("framework", qualification.framework());
            stored.set("answers", mapper.valueToTree(qualification.answers()));
            Qualification.Bant bant = qualification.bant();
            assignment.qualify(stored, bant == null ? null : mapper.valueToTree(bant), qualification.notes(), now());
            return outbox.append(LeadQualified.TYPE, leadId, LeadQualified.of(assignment, qualification))
                    .replaceWith(() -> LeadCard.of(assignment));
        }));
    }

    /**
     * Logs a touch on one of the SDR's leads (LeadTouched, with the touch's id). The touch is validated against the
     * assignment (not before it, not in the future); 400 names each field, 409 when the lead is closed.
     */
    public Uni<LeadCard> touch(String sdrId, UUID leadId, String channel, String outcome, String note, Instant touchedAt) {
        return Panache.withTransaction(() -> assignments.lockOwn(sdrId, leadId).chain(found -> {
            Assignment assignment = own(found, leadId);
            Instant now = now();
            Touch.Result result = Touch.of(channel, outcome, note, touchedAt == null ? null
                    : touchedAt.truncatedTo(ChronoUnit.MICROS), assignment.assignedAt, now);
            if (!result.valid()) {
                return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
            }
            Touch touch = result.touch();
            assignment.touched(touch.touchedAt());
            LeadTouch row = new LeadTouch();
            row.id = UUID.randomUUID();
            row.assignmentId = assignment.id;
            row.leadId = leadId;
            row.sdrId = sdrId;
            row.channel = touch.channel();
            row.outcome = touch.outcome();
            row.note = touch.note();
            row.touchedAt = touch.touchedAt();
            row.loggedAt = now;
            return Panache.getSession().chain(session -> session.persist(row))
                    .chain(() -> outbox.append(LeadTouched.TYPE, leadId, LeadTouched.of(assignment, row)))
                    .replaceWith(() -> LeadCard.of(assignment));
        }));
    }

    /**
     * Closes one of the SDR's open leads without an opportunity: disqualified (LeadDisqualified: scoring learns it as
     * lost) or sent back to nurture (LeadNurtured). 409 when the lead is not assigned or accepted.
     */
    public Uni<LeadCard> close(String sdrId, UUID leadId, Closing closing) {
        return Panache.withTransaction(() -> assignments.lockOwn(sdrId, leadId).chain(found -> {
            Assignment assignment = own(found, leadId);
            assignment.close(closing, now());
            Object event = closing.status() == AssignmentStatus.DISQUALIFIED
                    ? LeadDisqualified.of(assignment) : LeadNurtured.of(assignment);
            String type = closing.status() == AssignmentStatus.DISQUALIFIED ? LeadDisqualified.TYPE : LeadNurtured.TYPE;
            return outbox.append(type, leadId, event).replaceWith(() -> LeadCard.of(assignment));
        }));
    }

    /**
     * Moves an open lead to another active SDR (LeadReassigned, with the snapshots the new owner's inbox shows).
     * 404 when the lead has no assignment, 400 (field {@code sdrId}) for an unknown or inactive SDR, 409 when the lead
     * is qualified, closed or already that SDR's.
     */
    public Uni<LeadCard> reassign(UUID leadId, String toSdrId, String reason, String note, String by) {
        return Panache.withTransaction(() -> assignments.lockForLead(leadId).chain(found -> {
            if (found == null) {
                throw new NotFoundException("lead " + leadId + " has no assignment");
            }
            return Panache.getSession().chain(session -> session.find(Sdr.class, toSdrId)).chain(sdr -> {
                if (sdr == null || !sdr.active) {
                    throw new InvalidRequestException("sdrId", sdr == null ? "there is no SDR " + toSdrId
                            : toSdrId + " is inactive");
                }
                String from = found.sdrId;
                found.reassign(toSdrId);
                Instant at = now();
                return outbox.append(LeadReassigned.TYPE, leadId, LeadReassigned.of(found, from, reason, note, by, at))
                        .replaceWith(() -> LeadCard.of(found));
            });
        }));
    }

    /**
     * The person behind a lead came back: recorded on the lead's assignment, whoever holds it. A lead
     * not assigned yet has nothing to record (routing will see the lead as scoring passes it on).
     * Must run inside a transaction (the consumer's inbox transaction).
     */
    public Uni<Void> resubmitted(UUID leadId, int resubmissions, LeadCard.Resubmission latest, JsonNode profile) {
        return assignments.lockForLead(leadId).invoke(found -> {
            if (found != null) {
                found.resubmitted(resubmissions, latest, profile);
            }
        }).replaceWithVoid();
    }

    /**
     * The SLA policy's attempts were used without reaching the person (SlaAttemptsExhausted): an open lead goes to
     * nurture with reason no_response (LeadNurtured), inside the consumer's inbox transaction. A lead qualified or
     * closed meanwhile stays as it is.
     *
     * @return whether the lead was sent to nurture
     */
    public Uni<Boolean> nurtureUnreached(UUID leadId, int attempts, String policyId) {
        return assignments.lockForLead(leadId).chain(assignment -> {
            if (assignment == null || !assignment.status.open()) {
                return Uni.createFrom().item(false);
            }
            Closing closing = Closing.nurture("no_response", "No contact after " + attempts + " attempts (SLA policy "
                    + policyId + ")").closing();
            assignment.close(closing, now());
            return outbox.append(LeadNurtured.TYPE, leadId, LeadNurtured.of(assignment)).replaceWith(true);
        });
    }

    /** The person behind the lead asked not to be contacted: recorded on its assignment, if it has one. */
    public Uni<Void> optedOut(UUID leadId) {
        return assignments.lockForLead(leadId).invoke(found -> {
            if (found != null) {
                found.optedOut();
            }
        }).replaceWithVoid();
    }

    /**
     * Right to erasure, inside the consumer's inbox transaction: the lead's assignment loses the person
     * ({@link Assignment#erase()}), its outbox rows go (LeadAssigned and LeadQualified carry the whole
     * lead), and the lead is recorded as erased so that a LeadScored read late never assigns it. The
     * routing decision holds no personal data (score, threshold, pool, SDR, times) and stays.
     */
    public Uni<Void> erase(UUID leadId, Instant erasedAt) {
        return erasedLeads.record(leadId, erasedAt)
                .chain(() -> assignments.lockForLead(leadId))
                .invoke(found -> {
                    if (found != null) {
                        found.erase();
                    }
                })
                // What the SDR wrote about the person goes; the touches (channel, outcome, times) stay for the KPIs.
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "update lead_touch set note = null where lead_id = :leadId")
                        .setParameter("leadId", leadId).executeUpdate()))
                // A lead still waiting in a hold queue leaves it (its snapshots are the person's), and the decision
                // record loses the rule's evidence (the values it matched may be the person's: a company, a domain).
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from routing_hold where lead_id = :leadId")
                        .setParameter("leadId", leadId).executeUpdate()))
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "update routing_decision set evidence = null where lead_id = :leadId")
                        .setParameter("leadId", leadId).executeUpdate()))
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }

    private static Assignment own(Assignment assignment, UUID leadId) {
        if (assignment == null) {
            throw new NotFoundException("lead " + leadId + " is not one of your leads");
        }
        return assignment;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
