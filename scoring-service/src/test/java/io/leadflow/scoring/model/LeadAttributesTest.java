package io.leadflow.scoring.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the model reads of a lead: its arrival facts and its own engagements counted, never an SDR's reply. */
class LeadAttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsTheLeadsOwnEngagementsPerTypeButNotRepliesToAnSdr() throws Exception {
        JsonNode lead = JSON.readTree("{\"source\": \"google\", \"formId\": \"demo-request\"}");
        JsonNode enrichment = JSON.readTree("{\"emailClass\": \"business\", \"person\": {\"seniority\": \"vp\"}, "
                + "\"quality\": {\"score\": 80}}");

        Map<String, Object> attributes = LeadAttributes.of(lead, enrichment,
                List.of("pricing_page_visit", "page_view", "pricing_page_visit", "reply", "some_future_type"));

        assertThat(attributes).containsEntry("source", "google").containsEntry("seniority", "vp")
                .containsEntry("dataQuality", 80.0).containsEntry("accountMatched", "false")
                .containsEntry("engagement.pricing_page_visit", 2).containsEntry("engagement.page_view", 1)
                .containsEntry("engagement.demo_request", 0)
                .doesNotContainKey("engagement.reply").doesNotContainKey("engagement.some_future_type");
        assertThat(LeadAttributes.of(lead, enrichment, List.of())).containsEntry("engagement.page_view", 0);
    }

    @Test
    void theSpecLearnsTheCountsUnlessExcluded() {
        FeatureSpec all = LeadAttributes.spec(Set.of(), 20, 5);
        assertThat(all.usable()).extracting(Attribute::name).contains("engagement.webinar_attended", "seniority")
                .doesNotContain("engagement.reply");
        assertThat(all.usable()).filteredOn(a -> a.name().startsWith("engagement."))
                .extracting(Attribute::type).containsOnly(AttributeType.COUNT);
        FeatureSpec guarded = LeadAttributes.spec(Set.of("engagement.email_open"), 20, 5);
        assertThat(guarded.usable()).extracting(Attribute::name).doesNotContain("engagement.email_open");
    }
}
