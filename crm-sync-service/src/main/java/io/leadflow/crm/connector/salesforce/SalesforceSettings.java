package io.leadflow.crm.connector.salesforce;

import java.time.Duration;
import java.util.Objects;

/**
 * How one connection reaches its Salesforce org.
 *
 * <p><b>What the Salesforce admin sets up.</b> An External Client App (or Connected App) with the OAuth 2.0 client
 * credentials flow enabled and a "run as" integration user; its consumer key and secret are {@code clientId} and
 * {@code clientSecret}. And three custom text fields, each marked <em>External ID</em> and <em>Unique</em>: the
 * connector upserts by them, so a retried write updates the record it (maybe) created instead of adding a second one,
 * and Unique makes Salesforce refuse a duplicate instead of answering 300 Multiple Choices:
 * <ul>
 *     <li>{@code Opportunity.Leadflow_Lead_Id__c} (text 36): the lead's id;</li>
 *     <li>{@code Contact.Leadflow_Email__c} (text 80 or e-mail): the contact's e-mail, lower case;</li>
 *     <li>{@code Account.Leadflow_Domain__c} (text 255): the company's domain, lower case.</li>
 * </ul>
 * Other names can be configured here; the connection's {@code FieldMapping} must then name the same fields (or leave
 * its {@code externalId}/{@code leadId} entries at their default), which the connector checks at construction.
 * The opportunity's loss reason is read from the field the mapping names ({@code Loss_Reason__c} by default, a custom
 * field as well: map it empty when the org has none).
 *
 * @param loginUrl      the token endpoint's base: the org's My Domain ({@code https://acme.my.salesforce.com}), where
 *                      Salesforce documents the client credentials flow (rather than {@code login.salesforce.com})
 * @param apiVersion    REST API version, {@code v61.0} by default; at least {@code v46.0}, where upserts answer with
 *                      a body ({@code id}, {@code created}) on update as well as on create
 * @param defaultStage  the stage of a new opportunity when the draft has none
 * @param closeDateDays a new opportunity's close date is today plus this many days when the draft has none
 * @param defaultOwnerId the deal's owner when neither the draft nor the account has one; null: Salesforce's default
 *                      (the integration user)
 * @param timeout       per HTTP request, token request included
 */
public record SalesforceSettings(String loginUrl, String clientId, String clientSecret, String apiVersion,
                                 String defaultStage, int closeDateDays, String defaultOwnerId, Duration timeout,
                                 String opportunityExternalIdField, String contactExternalIdField,
                                 String accountExternalIdField) {

    public static final String DEFAULT_API_VERSION = "v61.0";
    public static final String DEFAULT_STAGE = "Prospecting";
    public static final int DEFAULT_CLOSE_DATE_DAYS = 90;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String OPPORTUNITY_EXTERNAL_ID = "Leadflow_Lead_Id__c";
    public static final String CONTACT_EXTERNAL_ID = "Leadflow_Email__c";
    public static final String ACCOUNT_EXTERNAL_ID = "Leadflow_Domain__c";

    /** Blank or null optional values take their defaults; {@code closeDateDays} must not be negative. */
    public SalesforceSettings {
        loginUrl = stripTrailingSlash(required(loginUrl, "loginUrl"));
        clientId = required(clientId, "clientId");
        clientSecret = required(clientSecret, "clientSecret");
        apiVersion = orDefault(apiVersion, DEFAULT_API_VERSION);
        if (!apiVersion.startsWith("v")) {
            apiVersion = "v" + apiVersion;
        }
        defaultStage = orDefault(defaultStage, DEFAULT_STAGE);
        if (closeDateDays < 0) {
            throw new IllegalArgumentException("closeDateDays must not be negative: " + closeDateDays);
        }
        defaultOwnerId = defaultOwnerId == null || defaultOwnerId.isBlank() ? null : defaultOwnerId.trim();
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        opportunityExternalIdField = orDefault(opportunityExternalIdField, OPPORTUNITY_EXTERNAL_ID);
        contactExternalIdField = orDefault(contactExternalIdField, CONTACT_EXTERNAL_ID);
        accountExternalIdField = orDefault(accountExternalIdField, ACCOUNT_EXTERNAL_ID);
    }

    /** A connection with every default. */
    public static SalesforceSettings of(String loginUrl, String clientId, String clientSecret) {
        return new SalesforceSettings(loginUrl, clientId, clientSecret, null, null, DEFAULT_CLOSE_DATE_DAYS, null,
                null, null, null, null);
    }

    public SalesforceSettings withTimeout(Duration timeout) {
        return new SalesforceSettings(loginUrl, clientId, clientSecret, apiVersion, defaultStage, closeDateDays,
                defaultOwnerId, timeout, opportunityExternalIdField, contactExternalIdField, accountExternalIdField);
    }

    public SalesforceSettings withDefaultOwnerId(String defaultOwnerId) {
        return new SalesforceSettings(loginUrl, clientId, clientSecret, apiVersion, defaultStage, closeDateDays,
                defaultOwnerId, timeout, opportunityExternalIdField, contactExternalIdField, accountExternalIdField);
    }

    /** The REST API's base path, {@code /services/data/v61.0}. */
    String dataPath() {
        return "/services/data/" + apiVersion;
    }

    @Override
    public String toString() {
        // Never print the secret (settings end up in start-up logs).
        return "SalesforceSettings[loginUrl=" + loginUrl + ", clientId=" + clientId + ", apiVersion=" + apiVersion
                + ", defaultStage=" + defaultStage + ", closeDateDays=" + closeDateDays + ", defaultOwnerId="
                + defaultOwnerId + ", timeout=" + timeout + "]";
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
