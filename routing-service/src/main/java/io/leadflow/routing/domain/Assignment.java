package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.web.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead in one SDR's hands. The lead, enrichment and score snapshots are the ones LeadScored
 * carried, kept as opaque JSON so that later events pass them on unchanged.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "pool_id")
    public String poolId;
    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode lead;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode enrichment;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode score;
    @Column(name = "score_value")
    public int scoreValue;
    public String grade;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "qualified_at")
    public Instant qualifiedAt;
    /** The SDR's qualification: {@code {"framework": "meddic", "answers": {...}}} (V10). */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode qualification;
    /** The same answers in the BANT shape, for a BANT qualification only (older readers of the row). */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode bant;
    public String notes;
    @Column(name = "decision_micros")
    public long decisionMicros;
    /** How often the person submitted again after the lead was captured, and the latest time. */
    public int resubmissions;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_resubmission")
    public LeadCard.Resubmission lastResubmission;
    /** Touches the SDR logged, and when the first (speed to lead) and the latest happened. */
    public int touches;
    @Column(name = "first_touched_at")
    public Instant firstTouchedAt;
    @Column(name = "last_touched_at")
    public Instant lastTouchedAt;
    /** When and why the SDR closed the lead without an opportunity (disqualified or nurtured). */
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "closed_note")
    public String closedNote;
    /** What the rules decided (rule set, rule, variant, bucket, route): compare the variants' outcomes later. */
    @Embedded
    public RuleTrail trail;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode conversion;
    /** When the lead started waiting in a hold queue; null when it was assigned at once. */
    @Column(name = "held_since")
    public Instant heldSince;
    /** SLA breaches applied while an SDR held the lead (see {@link Reassignments}): the escalation counts them. */
    @Column(name = "sla_breaches")
    public int slaBreaches;

    /** A new assignment of a scored lead to an SDR of a pool. */
    public static Assignment of(UUID leadId, String sdrId, String poolId, ScoredLead scored, Instant assignedAt,
                                long decisionMicros) {
        return of(leadId, sdrId, poolId, scored, RuleTrail.direct(poolId), null, assignedAt, decisionMicros);
    }

    /** A new assignment as the rules decided it; {@code heldSince} when the lead waited in a hold queue first. */
    public static Assignment of(UUID leadId, String sdrId, String poolId, ScoredLead scored, RuleTrail trail,
                                Instant heldSince, Instant assignedAt, long decisionMicros) {
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.leadId = leadId;
        assignment.sdrId = sdrId;
        assignment.poolId = poolId;
        assignment.status = AssignmentStatus.ASSIGNED;
        assignment.lead = scored.lead();
        assignment.enrichment = scored.enrichment();
        assignment.score = scored.score();
        assignment.scoreValue = scored.scoreValue();
        assignment.grade = scored.grade();
        assignment.conversion = scored.conversion();
        assignment.trail = trail;
        assignment.heldSince = heldSince;
        assignment.assignedAt = assignedAt;
        assignment.decisionMicros = decisionMicros;
        return assignment;
    }

    /** Accepts the lead; returns false (and changes nothing) when it was accepted already. */
    public boolean accept(Instant now) {
        if (status != AssignmentStatus.ASSIGNED) {
            return false;
        }
        status = AssignmentStatus.ACCEPTED;
        acceptedAt = now;
        return true;
    }

    /**
     * Qualifies an accepted lead as sales-qualified with the framework and answers (and, for BANT, the same answers in
     * the BANT shape); any other state is a conflict.
     */
    public void qualify(JsonNode frameworkAnswers, JsonNode bantAnswers, String notesText, Instant now) {
        switch (status) {
            case ASSIGNED -> throw new ConflictException("lead " + leadId + " must be accepted before it is qualified");
            case QUALIFIED -> throw new ConflictException("lead " + leadId + " is already qualified");
            case DISQUALIFIED, NURTURED -> throw new ConflictException("lead " + leadId + " is closed ("
                    + status.name().toLowerCase() + ")");
            case ACCEPTED -> {
                status = AssignmentStatus.QUALIFIED;
                qualification = frameworkAnswers;
                bant = bantAnswers;
                notes = notesText;
                qualifiedAt = now;
            }
        }
    }

    /** A touch logged: counted, first and latest times kept. A closed lead takes no more touches. */
    public void touched(Instant at) {
        if (!status.open() && status != AssignmentStatus.QUALIFIED) {
            throw new ConflictException("lead " + leadId + " is closed (" + status.name().toLowerCase() + ")");
        }
        touches++;
        if (firstTouchedAt == null || at.isBefore(firstTouchedAt)) {
            firstTouchedAt = at;
        }
        if (lastTouchedAt == null || at.isAfter(lastTouchedAt)) {
            lastTouchedAt = at;
        }
    }

    /**
     * Gives an open lead to another SDR, who must accept it again (its touches stay: speed to lead counts from the
     * capture, whoever works it). A qualified or closed lead is a conflict, and so is giving it to its own SDR.
     */
    public void reassign(String toSdrId) {
        if (!status.open()) {
            throw new ConflictException("lead " + leadId + " is " + status.name().toLowerCase()
                    + "; only an assigned or accepted lead can be reassigned");
        }
        if (toSdrId.equals(sdrId)) {
            throw new ConflictException("lead " + leadId + " is already " + toSdrId + "'s");
        }
        sdrId = toSdrId;
        status = AssignmentStatus.ASSIGNED;
        acceptedAt = null;
    }

    /**
     * Closes an open lead without an opportunity (disqualified or nurtured). A qualified lead belongs to the CRM now,
     * and a closed one stays closed: both are conflicts.
     */
    public void close(Closing closing, Instant now) {
        if (!status.open()) {
            throw new ConflictException("lead " + leadId + " is " + status.name().toLowerCase()
                    + "; only an assigned or accepted lead can be " + closing.status().name().toLowerCase());
        }
        status = closing.status();
        closedAt = now;
        closedReason = closing.reason();
        closedNote = closing.note();
    }

    /**
     * The person submitted again: counted, the latest submission kept for the SDR, and the details the
     * lead did not have yet (capture filled them: a phone, a job title) copied into the lead snapshot.
     * Values the SDR already sees are not changed under their feet.
     */
    public void resubmitted(int resubmissionCount, LeadCard.Resubmission latest, JsonNode profile) {
        if (resubmissionCount <= resubmissions) {
            return;
        }
        resubmissions = resubmissionCount;
        lastResubmission = latest;
        if (lead instanceof ObjectNode current) {
            // A new node rather than an in-place edit, so the change is seen as one.
            ObjectNode snapshot = current.deepCopy();
            for (String field : latest.filledFields()) {
                JsonNode value = profile.get(field);
                JsonNode known = snapshot.get(field);
                if (value != null && !value.isNull() && (known == null || known.isNull())) {
                    snapshot.set(field, value);
                }
            }
            lead = snapshot;
        }
    }

    /**
     * The person asked not to be contacted: the lead snapshot says so, and the SDR's card shows it.
     * Returns false when it was already known.
     */
    public boolean optedOut() {
        if (lead.path("doNotContact").asBoolean(false) || !(lead instanceof com.fasterxml.jackson.databind.node.ObjectNode current)) {
            return false;
        }
        lead = current.deepCopy().put("doNotContact", true);
        return true;
    }

    /** Lead snapshot fields that are about no one (attribution, country, times): kept by {@link #erase()}. */
    static final List<String> KEPT_ON_ERASURE = List.of("country", "source", "medium", "campaign",
            "formId", "capturedAt", "doNotContact");

    /**
     * Right to erasure: the assignment stays (ids, SDR, pool, status, times, score and grade: routing
     * fairness and the funnel need them); the person leaves it. The lead snapshot keeps only
     * {@link #KEPT_ON_ERASURE} and says {@code "erased": true}; the enrichment keeps the e-mail class,
     * not the domains; the score's reasons keep rule and points, not their evidence; the qualification keeps its
     * framework, not the answers; the BANT answers, the notes, the closing note and the latest resubmission (its
     * message) go.
     */
    public void erase() {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String field : KEPT_ON_ERASURE) {
            JsonNode value = lead == null ? null : lead.get(field);
            if (value != null && !value.isNull()) {
                kept.set(field, value);
            }
        }
        kept.put("erased", true);
        lead = kept;
        if (enrichment != null) {
            ObjectNode emailClass = JsonNodeFactory.instance.objectNode();
            if (enrichment.hasNonNull("emailClass")) {
                emailClass.set("emailClass", enrichment.get("emailClass"));
            }
            enrichment = emailClass;
        }
        if (score != null) {
            JsonNode withoutEvidence = score.deepCopy();
            withoutEvidence.path("reasons").forEach(reason -> {
                if (reason instanceof ObjectNode fields) {
                    fields.putNull("evidence");
                }
            });
            score = withoutEvidence;
        }
        if (qualification instanceof ObjectNode answered) {
            qualification = JsonNodeFactory.instance.objectNode().put("framework", answered.path("framework").asText(null))
                    .set("answers", JsonNodeFactory.instance.objectNode());
        }
        bant = null;
        notes = null;
        closedNote = null;
        lastResubmission = null;
    }
}
