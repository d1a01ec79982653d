package io.leadflow.routing.domain;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SdrInboxTest {

    private final SdrInbox inbox = new SdrInbox();

    private static LeadCard card() {
        LeadCard.Lead lead = new LeadCard.Lead("Ada Lovelace", "ada@acme.io", "Acme", null, null, null, null, null, null, Instant.now(), false);
        return new LeadCard(UUID.randomUUID(), UUID.randomUUID(), AssignmentStatus.ASSIGNED, Instant.now(), null, null,
                lead, new LeadCard.Score(72, "A", List.of()), 0, null, LeadCard.Activity.NONE);
    }

    @Test
    void anAssignmentReachesEveryOpenStreamOfItsSdrAndNoOtherSdr() {
        AssertSubscriber<SdrInbox.Notice> laptop = inbox.follow("sdr-1").subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<SdrInbox.Notice> phone = inbox.follow("sdr-1").subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<SdrInbox.Notice> colleague = inbox.follow("sdr-2").subscribe().withSubscriber(AssertSubscriber.create(10));
        SdrInbox.Notice card = new SdrInbox.Notice(SdrInbox.Notice.ASSIGNMENT, card());

        assertThat(inbox.publish("sdr-1", card)).isEqualTo(2);

        laptop.assertItems(card);
        phone.assertItems(card);
        colleague.assertHasNotReceivedAnyItem();
    }

    @Test
    void aClosedStreamIsForgotten() {
        AssertSubscriber<SdrInbox.Notice> stream = inbox.follow("sdr-3").subscribe().withSubscriber(AssertSubscriber.create(10));
        assertThat(inbox.openStreams("sdr-3")).isEqualTo(1);

        stream.cancel();

        assertThat(inbox.openStreams("sdr-3")).isZero();
        assertThat(inbox.publish("sdr-3", new SdrInbox.Notice(SdrInbox.Notice.ASSIGNMENT, card()))).isZero();
    }
}
