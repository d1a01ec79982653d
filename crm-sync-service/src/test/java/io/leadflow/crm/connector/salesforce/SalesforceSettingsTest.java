package io.leadflow.crm.connector.salesforce;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceSettingsTest {

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        SalesforceSettings settings = SalesforceSettings.of("https://acme.my.salesforce.com/", "id", "secret");

        assertThat(settings.loginUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(settings.apiVersion()).isEqualTo("v61.0");
        assertThat(settings.dataPath()).isEqualTo("/services/data/v61.0");
        assertThat(settings.defaultStage()).isEqualTo("Prospecting");
        assertThat(settings.closeDateDays()).isEqualTo(90);
        assertThat(settings.defaultOwnerId()).isNull();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.opportunityExternalIdField()).isEqualTo("Leadflow_Lead_Id__c");
        assertThat(settings.contactExternalIdField()).isEqualTo("Leadflow_Email__c");
        assertThat(settings.accountExternalIdField()).isEqualTo("Leadflow_Domain__c");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void aVersionWithoutItsVAndABlankOwnerAreNormalised() {
        SalesforceSettings settings = new SalesforceSettings("https://acme.my.salesforce.com", "id", "secret",
                "62.0", " ", 30, " ", Duration.ofSeconds(3), null, null, null);

        assertThat(settings.apiVersion()).isEqualTo("v62.0");
        assertThat(settings.defaultStage()).isEqualTo("Prospecting");
        assertThat(settings.defaultOwnerId()).isNull();
        assertThat(settings.closeDateDays()).isEqualTo(30);
    }

    @Test
    void credentialsAreRequired() {
        assertThatThrownBy(() -> SalesforceSettings.of("https://acme.my.salesforce.com", " ", "secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> new SalesforceSettings("https://acme.my.salesforce.com", "id", "secret", null, null,
                -1, null, null, null, null, null)).hasMessageContaining("closeDateDays");
    }
}
