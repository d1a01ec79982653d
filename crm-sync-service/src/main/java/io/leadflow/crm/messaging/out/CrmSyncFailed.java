package io.leadflow.crm.messaging.out;

/**
 * A CRM sync given up (the CRM rejected the data, or it failed on every attempt), on the connection's dead-letter
 * topic {@code leads.crm.<connection>.dlq.v1}. The job stays in {@code crm_sync} as failed; RevOps replays it after
 * fixing the cause.
 */
public record CrmSyncFailed(String connection, String crm, int attempts, String reason) {

    public static final String TYPE = "CrmSyncFailed";
}
