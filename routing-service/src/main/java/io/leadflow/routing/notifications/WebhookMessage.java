package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.routing.domain.LeadCard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The body of a webhook delivery: a Slack-compatible message ({@code text} for any incoming webhook, {@code blocks}
 * with the lead's context and an Accept button), and under {@code leadflow} the same facts as data for a program,
 * {@code eventType} first among them ({@code LeadAssigned} or {@code LeadReassigned}). Pure: no framework.
 */
public final class WebhookMessage {

    public static final String ASSIGNED = "LeadAssigned";
    public static final String REASSIGNED = "LeadReassigned";

    private WebhookMessage() {
    }

    /** A lead assigned to {@code sdrId}. */
    public static ObjectNode of(ObjectMapper mapper, UUID deliveryId, UUID leadId, UUID assignmentId, String sdrId,
                                String poolId, LeadCard card, String acceptUrl) {
        String headline = "New lead for " + sdrId + ": " + who(card) + ", score " + card.score().value()
                + ", grade " + card.score().grade();
        ObjectNode body = message(mapper, headline, null, card, acceptUrl);
        facts(mapper, body, deliveryId, ASSIGNED, leadId, assignmentId, sdrId, poolId, card, acceptUrl);
        return body;
    }

    /**
     * A lead that changed hands: to whom, and in the message and the data, from whom, why and by whom. The Accept
     * button is the new owner's (they must accept it again).
     */
    public static ObjectNode reassigned(ObjectMapper mapper, UUID deliveryId, Reassignment moved, LeadCard card,
                                        String acceptUrl) {
        String headline = "Lead reassigned to " + moved.sdrId() + ": " + who(card) + ", score " + card.score().value()
                + ", grade " + card.score().grade();
        String why = moved.whyForChannel() + (moved.note() == null || moved.note().isBlank() ? "" : ": " + moved.note());
        ObjectNode body = message(mapper, headline, why, card, acceptUrl);
        ObjectNode data = facts(mapper, body, deliveryId, REASSIGNED, moved.leadId(), moved.assignmentId(), moved.sdrId(),
                moved.poolId(), card, acceptUrl);
        data.put("fromSdrId", moved.fromSdrId()).put("reason", moved.reason().wire()).put("note", moved.note())
                .put("reassignedBy", moved.reassignedBy()).put("reassignedAt", moved.reassignedAt().toString());
        return body;
    }

    private static String who(LeadCard card) {
        LeadCard.Lead lead = card.lead();
        return (lead.name() != null ? lead.name() : lead.email() != null ? lead.email() : "A new lead")
                + (lead.company() == null ? "" : " (" + lead.company() + ")");
    }

    /** {@code text} (headline, and why when given) and {@code blocks}: the headline, why, the context, Accept. */
    private static ObjectNode message(ObjectMapper mapper, String headline, String why, LeadCard card, String acceptUrl) {
        LeadCard.Lead lead = card.lead();
        List<String> details = new ArrayList<>();
        if (lead.jobTitle() != null) {
            details.add(lead.jobTitle());
        }
        String source = String.join(" / ", Stream.of(lead.source(), lead.campaign()).filter(Objects::nonNull).toList());
        if (!source.isEmpty()) {
            details.add("from " + source);
        }
        for (LeadCard.Reason reason : card.score().reasons()) {
            details.add((reason.points() >= 0 ? "+" : "") + reason.points() + " " + reason.rule());
        }
        if (lead.doNotContact()) {
            details.add("DO NOT CONTACT");
        }

        ObjectNode body = mapper.createObjectNode();
        body.put("text", slack(headline) + (why == null ? "" : " - " + slack(why)));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", "*" + slack(headline) + "*"
                + (why == null ? "" : "\n" + slack(why))
                + "\n" + slack(String.join(" · ", details))
                + (lead.message() == null ? "" : "\n> " + slack(lead.message())));
        ObjectNode actions = blocks.addObject().put("type", "actions");
        actions.putArray("elements").addObject().put("type", "button").put("url", acceptUrl)
                .put("style", "primary").putObject("text").put("type", "plain_text").put("text", "Accept");
        return body;
    }

    private static ObjectNode facts(ObjectMapper mapper, ObjectNode body, UUID deliveryId, String eventType, UUID leadId,
                                    UUID assignmentId, String sdrId, String poolId, LeadCard card, String acceptUrl) {
        ObjectNode data = body.putObject("leadflow");
        data.put("deliveryId", deliveryId.toString()).put("eventType", eventType).put("leadId", leadId.toString())
                .put("assignmentId", assignmentId.toString()).put("sdrId", sdrId).put("poolId", poolId)
                .put("acceptUrl", acceptUrl);
        data.set("lead", mapper.valueToTree(card.lead()));
        data.set("score", mapper.valueToTree(card.score()));
        return data;
    }

    /** Slack's mrkdwn treats &, < and > as markup: what a form received is shown as text, never as a link. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
