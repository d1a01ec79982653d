package io.leadflow.crm.connector;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldOwnershipTest {

    @Test
    void byDefaultTheCrmOwnsWhatItHoldsAndLeadflowFillsOnlyEmptyFields() {
        Map<String, String> ours = Map.of("phone", "+44 20 7946 0958", "jobTitle", "VP Sales", "firstName", "Ada");
        Map<String, String> theirs = new HashMap<>(Map.of("phone", "+44 20 0000 0000", "firstName", ""));

        assertThat(FieldOwnership.crmOwnsAll().toWrite("contact", ours, theirs))
                .containsOnly(Map.entry("jobTitle", "VP Sales"), Map.entry("firstName", "Ada"));
    }

    @Test
    void aFieldLeadflowOwnsIsOverwrittenWhenItDiffers() {
        FieldOwnership ownership = new FieldOwnership(Map.of("contact.phone", FieldOwnership.Owner.LEADFLOW));

        assertThat(ownership.toWrite("contact", Map.of("phone", "+1"), Map.of("phone", "+2"))).containsOnly(Map.entry("phone", "+1"));
        assertThat(ownership.toWrite("contact", Map.of("phone", "+1"), Map.of("phone", "+1"))).isEmpty();
    }

    @Test
    void unknownValuesNeverClearTheCrms() {
        Map<String, String> ours = new HashMap<>();
        ours.put("phone", null);
        FieldOwnership ownership = new FieldOwnership(Map.of("contact.phone", FieldOwnership.Owner.LEADFLOW));

        assertThat(ownership.toWrite("contact", ours, Map.of("phone", "+2"))).isEmpty();
    }

    @Test
    void theLifecycleOnlyMovesForward() {
        FieldOwnership ownership = FieldOwnership.crmOwnsAll();

        assertThat(ownership.toWrite("contact", Map.of("lifecycle", "opportunity"), Map.of("lifecycle", "lead")))
                .containsOnly(Map.entry("lifecycle", "opportunity"));
        assertThat(ownership.toWrite("contact", Map.of("lifecycle", "opportunity"), Map.of("lifecycle", "customer"))).isEmpty();
        assertThat(FieldOwnership.isLater("customer", null)).isTrue();
    }

    @Test
    void mappingOverridesReplaceOrDropSingleFieldsAndATypoFails() {
        FieldMapping defaults = new FieldMapping(Map.of("name", "Name"), Map.of("jobTitle", "Title", "phone", "Phone"),
                Map.of("amount", "Amount"));

        FieldMapping mapped = defaults.withOverrides(Map.of("contact.jobTitle", "Job_Title__c", "contact.phone", ""));

        assertThat(mapped.property(FieldMapping.CrmObject.CONTACT, "jobTitle")).isEqualTo("Job_Title__c");
        assertThat(mapped.property(FieldMapping.CrmObject.CONTACT, "phone")).isNull();
        assertThat(mapped.property(FieldMapping.CrmObject.OPPORTUNITY, "amount")).isEqualTo("Amount");
        assertThatThrownBy(() -> defaults.withOverrides(Map.of("contacts.phone", "x")))
                .hasMessageContaining("contacts.phone");
    }
}
