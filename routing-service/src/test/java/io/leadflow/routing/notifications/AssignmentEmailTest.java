package io.leadflow.routing.notifications;

import io.leadflow.routing.domain.AssignmentStatus;
import io.leadflow.routing.domain.LeadCard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentEmailTest {

    private static LeadCard card(String name, String message) {
        LeadCard.Lead lead = new LeadCard.Lead(name, "ada@acme-robotics.com", "Acme Robotics", "VP Sales", "+33 6 12 34 56 78",
                "FR", "google", "q4-demo", message, Instant.parse("2026-11-30T09:00:00Z"), false);
        LeadCard.Score score = new LeadCard.Score(72, "A2", List.of(new LeadCard.Reason("vp-or-above", 20, "VP Sales"),
                new LeadCard.Reason("personal-email", -5, null)));
        return new LeadCard(UUID.randomUUID(), UUID.randomUUID(), AssignmentStatus.ASSIGNED, Instant.now(), null, null,
                lead, score, 0, null, LeadCard.Activity.NONE);
    }

    @Test
    void carriesTheWholeContextAndTheAcceptLink() {
        AssignmentEmail email = AssignmentEmail.of(card("Ada Lovelace", "Leads wait a day"), "https://x/accept.html#token=t",
                "https://x/inbox.html");
        assertThat(email.subject()).isEqualTo("New lead: Ada Lovelace (Acme Robotics) - score 72, grade A2");
        assertThat(email.text()).contains("Ada Lovelace, VP Sales at Acme Robotics", "Phone: +33 6 12 34 56 78",
                "From: google / q4-demo", "+20 vp-or-above (VP Sales)", "-5 personal-email", "Message: Leads wait a day",
                "Accept it: https://x/accept.html#token=t");
        assertThat(email.html()).contains("href=\"https://x/accept.html#token=t\"");
    }

    @Test
    void whatAFormReceivedNeverBecomesMarkup() {
        AssignmentEmail email = AssignmentEmail.of(card("<img src=x onerror=alert(1)>", "<script>steal()</script>"),
                "https://x/a", "https://x/i");
        assertThat(email.html()).doesNotContain("<img", "<script").contains("&lt;script&gt;steal()&lt;/script&gt;");
    }
}
