package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.LeadCard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Routing's copy of capture's LeadResubmitted: what the SDR is told, and the details the lead gained. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadResubmittedIn(String channel, String formId, Instant submittedAt, int submissionCount,
                                JsonNode submission, JsonNode lead, List<String> filledFields) {

    public LeadResubmittedIn {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(lead, "lead");
        filledFields = filledFields == null ? List.of() : List.copyOf(filledFields);
    }

    /** Times the person came back: every submission after the first. */
    public int resubmissions() {
        return Math.max(submissionCount - 1, 1);
    }

    public LeadCard.Resubmission latest() {
        return new LeadCard.Resubmission(submittedAt, channel, formId, text(submission, "message"),
                text(submission.path("utm"), "source"), text(submission.path("utm"), "campaign"), filledFields);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
