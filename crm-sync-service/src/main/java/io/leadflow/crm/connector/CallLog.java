package io.leadflow.crm.connector;

/** Receives one entry per call a connector makes; the sync worker writes them to the sync log. */
@FunctionalInterface
public interface CallLog {

    void record(CrmCall call);

    /** A log that drops everything (for callers that do not keep a log). */
    CallLog NONE = call -> { };

    /**
     * One call to the CRM.
     *
     * @param operation what the call was for: {@code account.find}, {@code contact.upsert}, {@code token}, …
     * @param requestId the CRM's request id when it sends one (HubSpot {@code X-HubSpot-Correlation-Id}, Salesforce
     *                  {@code Sforce-Call-Id}/{@code X-Request-Id}), else one the connector generated and sent
     * @param status    the HTTP status, 0 when no answer came (timeout, connection refused)
     * @param outcome   {@code ok}, {@code rate_limited}, {@code unauthorized}, {@code transient}, {@code rejected}
     * @param error     the CRM's message for a failed call, null for a successful one
     */
    record CrmCall(String operation, String method, String path, String requestId, int status, String outcome,
                   long latencyMillis, String error) {
    }
}
