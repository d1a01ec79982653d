package io.leadflow.crm.sync;

import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.domain.Qualification;
import io.leadflow.crm.messaging.in.LeadQualifiedIn;
import io.leadflow.crm.story.LeadStory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionPlanTest {

    private static final UUID LEAD = UUID.fromString("0193a5b0-0000-7000-8000-0000000000aa");
    private static final Instant QUALIFIED = Instant.parse("2026-12-01T10:00:00Z");

    private static LeadQualifiedIn qualified(String sdr) {
        return new LeadQualifiedIn(UUID.randomUUID(), sdr, QUALIFIED,
                new Qualification("bant", Map.of("budget", "50k EUR approved", "need", "Leads wait a day")), null,
                "Wants a demo next week",
                new LeadQualifiedIn.Lead("Ada@Acme.example", "Ada", "Lovelace", "Acme Robotics", "VP Sales",
                        "+44 20 7946 0958", "google", "cpc", "spring-launch"),
                new LeadQualifiedIn.Enrichment("acme.example", "business", "acme.example"));
    }

    private static final LeadStory STORY = new LeadStory("linkedin", "paid", null, 82, "A",
            List.of("job title: +20 (VP Sales)"), "2", 4, "3", "emea-smb", "exp-1", "b", "emea", "sdr-1",
            List.of(new LeadStory.Touch("call", "connected", "Interested in routing", Instant.parse("2026-11-30T09:00:00Z"))));

    @Test
    void theAeOfTheSdrOwnsTheDealInTheCrmsTerms() {
        ConversionPlan plan = new ConversionPlan(Map.of("sdr-1", "ae-7"), Map.of("ae-7", "0055g000001"), false,
                "Prospecting", 30, "budget");

        Conversion conversion = plan.plan(LEAD, UUID.randomUUID(), "salesforce", qualified("sdr-1"), STORY).conversion();

        assertThat(conversion.opportunity().ownerId()).isEqualTo("0055g000001");
        assertThat(conversion.opportunity().stage()).isEqualTo("Prospecting");
        assertThat(conversion.opportunity().closeDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(conversion.opportunity().amount()).isEqualByComparingTo("50000");
        assertThat(conversion.opportunity().name()).isEqualTo("Acme Robotics - new business");
        assertThat(conversion.account().domain()).isEqualTo("acme.example");
        assertThat(conversion.contact().email()).isEqualTo("ada@acme.example");
        assertThat(conversion.qualified().sdrId()).isEqualTo("sdr-1");
    }

    @Test
    void anSdrWithoutAnAeLeavesTheOwnerToTheAccountOrTheCrm() {
        ConversionPlan plan = new ConversionPlan(Map.of(), Map.of(), false, null, 90, "budget");

        Conversion conversion = plan.plan(LEAD, UUID.randomUUID(), "hubspot", qualified("sdr-2"), null).conversion();

        assertThat(conversion.opportunity().ownerId()).isNull();
        assertThat(conversion.opportunity().stage()).isNull();
    }

    @Test
    void theBuiltinCrmTakesAeIdsAsTheyAre() {
        ConversionPlan plan = new ConversionPlan(Map.of("sdr-1", "ae-7"), Map.of(), true, null, 90, "budget");

        assertThat(plan.plan(LEAD, UUID.randomUUID(), "builtin", qualified("sdr-1"), STORY).conversion().opportunity().ownerId())
                .isEqualTo("ae-7");
    }

    @Test
    void theDescriptionTellsTheLeadsWholeStory() {
        ConversionPlan plan = new ConversionPlan(Map.of(), Map.of(), false, null, 90, "budget");

        String story = plan.plan(LEAD, UUID.randomUUID(), "hubspot", qualified("sdr-1"), STORY).conversion().opportunity().description();

        assertThat(story).contains("Ada Lovelace <ada@acme.example>, VP Sales at Acme Robotics")
                .contains("Source: linkedin / paid")
                .contains("Score: 82 (A) because job title: +20 (VP Sales)")
                .contains("Routed by rule emea-smb (experiment exp-1, variant b) to pool emea")
                .contains("call, connected: Interested in routing")
                .contains("- budget: 50k EUR approved")
                .contains("Notes: Wants a demo next week");
    }

    @Test
    void withoutAStoryTheQualifyingEventsSourceIsUsed() {
        ConversionPlan plan = new ConversionPlan(Map.of(), Map.of(), false, null, 90, "budget");

        var handOver = plan.plan(LEAD, UUID.randomUUID(), "hubspot", qualified("sdr-1"), null).handOver();

        assertThat(handOver.story().source()).isEqualTo("google");
        assertThat(handOver.story().campaign()).isEqualTo("spring-launch");
        assertThat(handOver.story().sdrId()).isEqualTo("sdr-1");
    }
}
