package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A lead as the SDR sees it in the inbox: who, from where, how good, and where it stands. Built
 * from an assignment row or straight from a LeadAssigned event, so the live stream and the list
 * show the same thing.
 */
public record LeadCard(UUID leadId, UUID assignmentId, AssignmentStatus status, Instant assignedAt,
                       Instant acceptedAt, Instant qualifiedAt, Lead lead, Score score,
                       int resubmissions, Resubmission lastResubmission, Activity activity) {

    /** What the SDR did: touches logged (first and latest), and the closing when disqualified or nurtured. */
    public record Activity(int touches, Instant firstTouchedAt, Instant lastTouchedAt, Instant closedAt,
                           String closedReason, String closedNote) {
        public static final Activity NONE = new Activity(0, null, null, null, null, null);
    }

    /** The person came back through a form (or another channel) after the lead was assigned. */
    public record Resubmission(Instant submittedAt, String channel, String formId, String message, String source,
                               String campaign, List<String> filledFields) {
    }

    public record Lead(String name, String email, String company, String jobTitle, String phone, String country,
                       String source, String campaign, String message, Instant capturedAt, boolean doNotContact) {
    }

    public record Score(int value, String grade, List<Reason> reasons) {
    }

    public record Reason(String rule, int points, String evidence) {
    }

    public static LeadCard of(Assignment assignment) {
        return new LeadCard(assignment.leadId, assignment.id, assignment.status, assignment.assignedAt,
                assignment.acceptedAt, assignment.qualifiedAt, lead(assignment.lead), score(assignment.score),
                assignment.resubmissions, assignment.lastResubmission,
                new Activity(assignment.touches, assignment.firstTouchedAt, assignment.lastTouchedAt, assignment.closedAt,
                        assignment.closedReason, assignment.closedNote));
    }

    /** A card for a freshly assigned lead, from the snapshots a LeadAssigned event carries. */
    public static LeadCard assigned(UUID leadId, UUID assignmentId, Instant assignedAt, JsonNode lead, JsonNode score) {
        return new LeadCard(leadId, assignmentId, AssignmentStatus.ASSIGNED, assignedAt, null, null, lead(lead), score(score),
                0, null, Activity.NONE);
    }

    static Lead lead(JsonNode lead) {
        String first = text(lead, "firstName");
        String last = text(lead, "lastName");
        String name = first == null ? last : last == null ? first : first + " " + last;
        return new Lead(name, text(lead, "email"), text(lead, "company"), text(lead, "jobTitle"), text(lead, "phone"),
                text(lead, "country"), text(lead, "source"), text(lead, "campaign"), text(lead, "message"),
                instant(text(lead, "capturedAt")), lead.path("doNotContact").asBoolean(false));
    }

    static Score score(JsonNode score) {
        List<Reason> reasons = new ArrayList<>();
        score.path("reasons").forEach(reason -> reasons.add(
                new Reason(text(reason, "rule"), reason.path("points").asInt(), text(reason, "evidence"))));
        return new Score(score.path("value").asInt(), text(score, "grade"), List.copyOf(reasons));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
