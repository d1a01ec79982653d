package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.routing.domain.LeadCard;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of a webhook delivery: a Slack-compatible message ({@code text} for any incoming webhook, {@code blocks}
 * with the lead's context and an Accept button), and under {@code leadflow} the same facts as data for a program.
 * Pure: no framework.
 */
public final class WebhookMessage {

    private WebhookMessage() {
    }

    public static ObjectNode of(ObjectMapper mapper, UUID deliveryId, UUID leadId, UUID assignmentId, String sdrId,
                                String poolId, LeadCard card, String acceptUrl) {
        LeadCard.Lead lead = card.lead();
        String who = lead.name() != null ? lead.name() : lead.email() != null ? lead.email() : "A new lead";
        String headline = "New lead for " + sdrId + ": " + who + (lead.company() == null ? "" : " (" + lead.company() + ")")
                + ", score " + card.score().value() + ", grade " + card.score().grade();
        List<String> details = new ArrayList<>();
        if (lead.jobTitle() != null) {
            details.add(lead.jobTitle());
        }
        String source = String.join(" / ", java.util.stream.Stream.of(lead.source(), lead.campaign())
                .filter(java.util.Objects::nonNull).toList());
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
        body.put("text", slack(headline));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", "*" + slack(headline) + "*\n" + slack(String.join(" · ", details))
                + (lead.message() == null ? "" : "\n> " + slack(lead.message())));
        ObjectNode actions = blocks.addObject().put("type", "actions");
        actions.putArray("elements").addObject().put("type", "button").put("url", acceptUrl)
                .put("style", "primary").putObject("text").put("type", "plain_text").put("text", "Accept");

        ObjectNode data = body.putObject("leadflow");
        data.put("deliveryId", deliveryId.toString()).put("eventType", "LeadAssigned").put("leadId", leadId.toString())
                .put("assignmentId", assignmentId.toString()).put("sdrId", sdrId).put("poolId", poolId)
                .put("acceptUrl", acceptUrl);
        data.set("lead", mapper.valueToTree(lead));
        data.set("score", mapper.valueToTree(card.score()));
        return body;
    }

    /** Slack's mrkdwn treats &, < and > as markup: what a form received is shown as text, never as a link. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
