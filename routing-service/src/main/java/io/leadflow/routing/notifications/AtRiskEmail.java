package io.leadflow.routing.notifications;

import io.leadflow.routing.domain.LeadCard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The warning an SDR gets when one of their leads is about to breach its SLA: what is owed, by when (UTC), and the
 * lead's context with the accept link, so they can act from the e-mail. Pure: no framework.
 */
public record AtRiskEmail(String subject, String text, String html) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC' d MMM").withZone(ZoneOffset.UTC);

    public static AtRiskEmail of(LeadCard card, String owed, Instant dueAt, String acceptUrl, String inboxUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("SLA at risk: " + owed + " is due by " + TIME.format(dueAt) + ". After that the lead is reassigned.");
        lines.add("");
        lines.addAll(AssignmentEmail.context(card));
        AssignmentEmail mail = AssignmentEmail.withAcceptLink("SLA at risk, act by " + TIME.format(dueAt) + ": "
                + AssignmentEmail.headline(card), lines, acceptUrl, inboxUrl);
        return new AtRiskEmail(mail.subject(), mail.text(), mail.html());
    }
}
