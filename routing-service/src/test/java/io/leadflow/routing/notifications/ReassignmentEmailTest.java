package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.routing.domain.AssignmentStatus;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.notifications.Reassignment.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReassignmentEmailTest {

    private static final String ACCEPT = "https://x/accept.html#token=t";
    private static final String INBOX = "https://x/inbox.html";

    static LeadCard card(String name, String message) {
        LeadCard.Lead lead = new LeadCard.Lead(name, "ada@acme-robotics.com", "Acme Robotics", "VP Sales", "+33 6 12 34 56 78",
                "FR", "google", "q4-demo", message, Instant.parse("2026-11-30T09:00:00Z"), false);
        LeadCard.Score score = new LeadCard.Score(72, "A2", List.of(new LeadCard.Reason("vp-or-above", 20, "VP Sales")));
        return new LeadCard(UUID.randomUUID(), UUID.randomUUID(), AssignmentStatus.ASSIGNED, Instant.now(), null, null,
                lead, score, 0, null, LeadCard.Activity.NONE);
    }

    static Reassignment moved(Reason reason, String note) {
        return new Reassignment(UUID.randomUUID(), UUID.randomUUID(), "sdr-bob", "sdr-grace", "enterprise-na", reason, note,
                "revops-user", Instant.parse("2026-12-01T10:15:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MANUAL     | Lead reassigned to you by RevOps: Ada Lovelace (Acme Robotics) - score 72, grade A2 | Reassigned to you by RevOps (revops-user); Bob Martin had it.",
            "DECLINED   | Lead given back by Bob Martin, now yours: Ada Lovelace (Acme Robotics) - score 72, grade A2 | Given back by Bob Martin, the SDR who had it; it is yours now.",
            "SLA_BREACH | Lead moved to you: SLA deadline missed: Ada Lovelace (Acme Robotics) - score 72, grade A2 | Bob Martin, the previous owner, missed its SLA deadline, so it was moved to you.",
            "ESCALATED  | Lead escalated to you as the pool's manager: Ada Lovelace (Acme Robotics) - score 72, grade A2 | Escalated to you as the manager of pool enterprise-na; Bob Martin had it."})
    void theNewOwnerIsToldWhyAndGetsTheWholeContextAndAnAcceptLink(Reason reason, String subject, String why) {
        ReassignmentEmail email = ReassignmentEmail.toNewOwner(card("Ada Lovelace", "Leads wait a day"), moved(reason, null),
                "Bob Martin", ACCEPT, INBOX);
        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.text()).startsWith(why + "\n").doesNotContain("Note")
                .contains("Ada Lovelace, VP Sales at Acme Robotics", "E-mail: ada@acme-robotics.com",
                        "Phone: +33 6 12 34 56 78", "+20 vp-or-above (VP Sales)", "Message: Leads wait a day",
                        "Accept it: " + ACCEPT, "Your inbox: " + INBOX);
        assertThat(email.html()).contains(AssignmentEmail.escape(why), "href=\"" + ACCEPT + "\"");
    }

    @Test
    void theNoteIsPassedOnWithItsAuthor() {
        ReassignmentEmail email = ReassignmentEmail.toNewOwner(card("Ada Lovelace", null), moved(Reason.MANUAL, "covering today"),
                "Bob Martin", ACCEPT, INBOX);
        assertThat(email.text()).contains("Note (revops-user): covering today");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MANUAL     | reassigned by RevOps (revops-user)",
            "DECLINED   | you gave it back",
            "SLA_BREACH | its SLA deadline was missed",
            "ESCALATED  | escalated to the pool's manager"})
    void thePreviousOwnerGetsAShortNoticeWithNameAndCompanyOnly(Reason reason, String why) {
        ReassignmentEmail notice = ReassignmentEmail.toPreviousOwner(card("Ada Lovelace", "Call me on my mobile"),
                moved(reason, "private remark"), "Grace Hopper", INBOX);
        assertThat(notice.subject()).isEqualTo("Lead moved to Grace Hopper: Ada Lovelace (Acme Robotics)");
        assertThat(notice.text()).startsWith("Ada Lovelace (Acme Robotics) was moved to Grace Hopper: " + why + ".\n")
                .contains("Your inbox: " + INBOX);
        // Nothing to contact the person with, nothing to accept the lead with.
        for (String part : List.of(notice.text(), notice.html())) {
            assertThat(part).doesNotContain("ada@acme-robotics.com", "+33", "VP Sales", "Call me", "private remark",
                    "accept.html", "token", "score");
        }
    }

    @Test
    void aLeadWithoutANameIsNamedByItsIdNotByItsEmailAddress() {
        Reassignment moved = moved(Reason.SLA_BREACH, null);
        ReassignmentEmail notice = ReassignmentEmail.toPreviousOwner(card(null, null), moved, "Grace Hopper", INBOX);
        assertThat(notice.subject()).isEqualTo("Lead moved to Grace Hopper: Lead " + moved.leadId() + " (Acme Robotics)");
        assertThat(notice.text()).doesNotContain("ada@acme-robotics.com");
    }

    @EnumSource(Reason.class)
    @ParameterizedTest
    void whatAFormOrAPersonWroteNeverBecomesMarkup(Reason reason) {
        ReassignmentEmail email = ReassignmentEmail.toNewOwner(card("<img src=x onerror=alert(1)>", "<script>steal()</script>"),
                moved(reason, "<b>urgent</b>"), "<i>Bob</i>", ACCEPT, INBOX);
        assertThat(email.html()).doesNotContain("<img", "<script", "<b>", "<i>").contains("&lt;script&gt;steal()&lt;/script&gt;");
        ReassignmentEmail notice = ReassignmentEmail.toPreviousOwner(card("<img src=x>", null), moved(reason, null),
                "<i>Grace</i>", INBOX);
        assertThat(notice.html()).doesNotContain("<img", "<i>");
    }

    @Test
    void theReasonsAreExactlyTheContracts() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(EventContracts.schemaText("LeadReassigned")).at("/properties/reason/enum");
        assertThat(Stream.of(Reason.values()).map(Reason::wire))
                .containsExactlyElementsOf(StreamSupport.stream(contract.spliterator(), false).map(JsonNode::asText).toList());
        assertThat(Reason.of("sla_breach")).isEqualTo(Reason.SLA_BREACH);
        assertThatIllegalArgumentException().isThrownBy(() -> Reason.of("vacation"));
    }
}
