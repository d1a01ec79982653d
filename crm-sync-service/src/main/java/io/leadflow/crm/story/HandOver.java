package io.leadflow.crm.story;

import io.leadflow.crm.domain.Qualification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lead's whole story for the AE who takes the deal: who the person is, where they came from, how they scored and
 * why, how routing chose the SDR, every touch and note, and the qualification answers. Sent to the AE (e-mail,
 * webhook) and written into the CRM opportunity's description.
 */
public record HandOver(UUID leadId, UUID opportunityId, String crm, String crmOpportunityId, String opportunityName,
                       String aeId, String ownerId, Person person, String company, LeadStory story, String sdrId,
                       Instant qualifiedAt, Qualification qualification, String notes) {

    public record Person(String email, String firstName, String lastName, String jobTitle, String phone) {
    }

    /** The story as plain text, one fact per line (CRM description fields and e-mail bodies are plain text). */
    public String text() {
        StringBuilder out = new StringBuilder();
        String name = join(" ", person.firstName(), person.lastName());
        out.append("Sales-qualified lead: ").append(name.isEmpty() ? person.email() : name + " <" + person.email() + ">");
        if (person.jobTitle() != null) {
            out.append(", ").append(person.jobTitle());
        }
        if (company != null) {
            out.append(" at ").append(company);
        }
        out.append('\n');
        if (person.phone() != null) {
            out.append("Phone: ").append(person.phone()).append('\n');
        }
        out.append("Qualified by ").append(sdrId).append(" at ").append(qualifiedAt).append('\n');
        String source = join(" / ", story.source(), story.medium());
        if (!source.isEmpty() || story.campaign() != null) {
            out.append("Source: ").append(source.isEmpty() ? "unknown" : source);
            if (story.campaign() != null) {
                out.append(", campaign ").append(story.campaign());
            }
            out.append('\n');
        }
        if (story.score() != null) {
            out.append("Score: ").append(story.score());
            if (story.grade() != null) {
                out.append(" (").append(story.grade()).append(')');
            }
            if (!story.reasons().isEmpty()) {
                out.append(" because ").append(String.join("; ", story.reasons()));
            }
            out.append('\n');
        }
        if (story.ruleId() != null || story.poolId() != null) {
            out.append("Routed by rule ").append(story.ruleId() == null ? "-" : story.ruleId());
            if (story.experimentId() != null) {
                out.append(" (experiment ").append(story.experimentId()).append(", variant ").append(story.variant()).append(')');
            }
            if (story.poolId() != null) {
                out.append(" to pool ").append(story.poolId());
            }
            out.append('\n');
        }
        List<LeadStory.Touch> touches = story.touches();
        if (!touches.isEmpty()) {
            out.append("Touches:\n");
            for (LeadStory.Touch touch : touches) {
                out.append("- ").append(touch.at()).append(' ').append(touch.channel()).append(", ").append(touch.outcome());
                if (touch.note() != null) {
                    out.append(": ").append(touch.note());
                }
                out.append('\n');
            }
        }
        if (qualification != null) {
            out.append("Qualification (").append(qualification.framework()).append("):\n");
            for (Map.Entry<String, String> answer : qualification.answers().entrySet()) {
                out.append("- ").append(answer.getKey()).append(": ").append(answer.getValue()).append('\n');
            }
        }
        if (notes != null && !notes.isBlank()) {
            out.append("Notes: ").append(notes).append('\n');
        }
        return out.toString();
    }

    private static String join(String separator, String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!joined.isEmpty()) {
                    joined.append(separator);
                }
                joined.append(part);
            }
        }
        return joined.toString();
    }
}
