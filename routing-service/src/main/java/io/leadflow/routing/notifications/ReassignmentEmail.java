package io.leadflow.routing.notifications;

import io.leadflow.routing.domain.LeadCard;

import java.util.ArrayList;
import java.util.List;

/**
 * The e-mails of a lead that changed hands. The new owner's says why the lead is theirs now (reassigned by RevOps,
 * given back by the previous SDR, the previous owner missed the SLA deadline, escalated to them as the pool's manager)
 * and then carries everything the assignment e-mail does: the lead's whole context and a signed accept link, since
 * the new owner must accept it again. The previous owner's is a short notice: which lead (name and company only),
 * to whom and why; no contact details, no message, no accept link. Plain text and a small HTML version with the same
 * content. Pure: no framework.
 */
public record ReassignmentEmail(String subject, String text, String html) {

    /** To the SDR who has the lead now; {@code fromName} is how the previous owner is named to them. */
    public static ReassignmentEmail toNewOwner(LeadCard card, Reassignment moved, String fromName, String acceptUrl,
                                               String inboxUrl) {
        List<String> lines = new ArrayList<>();
        lines.add(moved.whyForNewOwner(fromName));
        if (moved.note() != null && !moved.note().isBlank()) {
            lines.add("Note (" + moved.reassignedBy() + "): " + moved.note());
        }
        lines.add("");
        lines.addAll(AssignmentEmail.context(card));
        AssignmentEmail mail = AssignmentEmail.withAcceptLink(
                moved.subjectForNewOwner(fromName) + ": " + AssignmentEmail.headline(card), lines, acceptUrl, inboxUrl);
        return new ReassignmentEmail(mail.subject(), mail.text(), mail.html());
    }

    /** To the SDR who had the lead; {@code toName} is how the new owner is named to them. */
    public static ReassignmentEmail toPreviousOwner(LeadCard card, Reassignment moved, String toName, String inboxUrl) {
        LeadCard.Lead lead = card.lead();
        // Name and company only: the lead is no longer theirs to contact.
        String which = (lead.name() != null ? lead.name() : "Lead " + moved.leadId())
                + (lead.company() == null ? "" : " (" + lead.company() + ")");
        String subject = "Lead moved to " + toName + ": " + which;
        String moved1 = which + " was moved to " + toName + ": " + moved.whyForPreviousOwner() + ".";
        String moved2 = "It has left your inbox, and its accept links no longer work for you.";
        String text = moved1 + "\n" + moved2 + "\n\nYour inbox: " + inboxUrl + "\n";
        String html = "<div style=\"font-family:sans-serif\"><div>" + AssignmentEmail.escape(moved1) + "</div><div>"
                + AssignmentEmail.escape(moved2) + "</div><p><a href=\"" + AssignmentEmail.escape(inboxUrl)
                + "\">Open my inbox</a></p></div>";
        return new ReassignmentEmail(subject, text, html);
    }
}
