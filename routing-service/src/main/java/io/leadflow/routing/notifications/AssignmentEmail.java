package io.leadflow.routing.notifications;

import io.leadflow.routing.domain.LeadCard;
import org.apache.commons.text.StringEscapeUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * The e-mail an SDR gets when a lead is assigned to them: who, from which company, how good and why, where from,
 * what they wrote, and the one-click accept link, so they can act without opening anything else. Plain text and a
 * small HTML version with the same content. Pure: no framework.
 */
public record AssignmentEmail(String subject, String text, String html) {

    public static AssignmentEmail of(LeadCard card, String acceptUrl, String inboxUrl) {
        String subject = "New lead: " + headline(card);
        return withAcceptLink(subject, context(card), acceptUrl, inboxUrl);
    }

    /** Who, from which company, how good: {@code Ada Lovelace (Acme Robotics) - score 72, grade A2}. */
    static String headline(LeadCard card) {
        LeadCard.Lead lead = card.lead();
        return first(lead.name(), lead.email(), "A new lead") + (lead.company() == null ? "" : " (" + lead.company() + ")")
                + " - score " + card.score().value() + ", grade " + card.score().grade();
    }

    /** The lead's whole context, a line each: the same in every mail that asks an SDR to take the lead. */
    static List<String> context(LeadCard card) {
        LeadCard.Lead lead = card.lead();
        String who = first(lead.name(), lead.email(), "A new lead");
        List<String> lines = new ArrayList<>();
        lines.add(who + (lead.jobTitle() == null ? "" : ", " + lead.jobTitle())
                + (lead.company() == null ? "" : " at " + lead.company()));
        if (lead.email() != null) {
            lines.add("E-mail: " + lead.email());
        }
        if (lead.phone() != null) {
            lines.add("Phone: " + lead.phone());
        }
        if (lead.country() != null) {
            lines.add("Country: " + lead.country());
        }
        String source = String.join(" / ", nonNull(lead.source(), lead.campaign()));
        if (!source.isEmpty()) {
            lines.add("From: " + source);
        }
        lines.add("Score " + card.score().value() + ", grade " + card.score().grade() + ":");
        for (LeadCard.Reason reason : card.score().reasons()) {
            lines.add("  " + (reason.points() >= 0 ? "+" : "") + reason.points() + " " + reason.rule()
                    + (reason.evidence() == null ? "" : " (" + reason.evidence() + ")"));
        }
        if (lead.message() != null) {
            lines.add("Message: " + lead.message());
        }
        if (lead.doNotContact()) {
            lines.add("DO NOT CONTACT: the person asked not to be contacted.");
        }
        return lines;
    }

    /** The lines as text and as escaped HTML, followed by the accept link and the inbox link. */
    static AssignmentEmail withAcceptLink(String subject, List<String> lines, String acceptUrl, String inboxUrl) {
        String text = String.join("\n", lines) + "\n\nAccept it: " + acceptUrl + "\nYour inbox: " + inboxUrl + "\n";
        StringBuilder html = new StringBuilder("<div style=\"font-family:sans-serif\">");
        for (String line : lines) {
            html.append("<div>").append(escape(line)).append("</div>");
        }
        html.append("<p><a href=\"").append(escape(acceptUrl)).append("\">Accept this lead</a> &middot; <a href=\"")
                .append(escape(inboxUrl)).append("\">Open my inbox</a></p></div>");
        return new AssignmentEmail(subject, text, html.toString());
    }

    static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Lead data is whatever a web form received: it must never become markup in the SDR's mail client. */
    static String escape(String value) {
        return StringEscapeUtils.escapeHtml4(value);
    }
}
