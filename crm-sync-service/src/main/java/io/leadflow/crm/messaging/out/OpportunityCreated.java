package io.leadflow.crm.messaging.out;

import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.sync.Connection;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The body of OpportunityCreated on leads.crm.v1 (contract: contracts/.../OpportunityCreated.schema.json).
 *
 * <p>{@code opportunityId}, {@code accountId} and {@code contactId} are Leadflow's ids (uuids): the built-in CRM's own,
 * and for an external CRM name-based uuids of the CRM's ids ({@link #leadflowId}), so the same HubSpot company is the
 * same account id in every event. The CRM's own ids are in {@code crmIds}.
 */
public record OpportunityCreated(UUID opportunityId, UUID accountId, UUID contactId, String name, String stage,
                                 String ownerId, String crm, String connection, CrmIds crmIds, AccountRef account) {

    public static final String TYPE = "OpportunityCreated";

    /**
     * The account the opportunity was opened on, so that enrichment learns it for matching later leads. The built-in
     * CRM has no account owner of its own: the owner of the account's first opportunity stands for it.
     */
    public record AccountRef(UUID id, String name, String domain, String ownerId) {
    }

    /** The records' ids in the CRM itself. */
    public record CrmIds(String account, String contact, String opportunity) {
    }

    public static OpportunityCreated synced(UUID opportunityId, Connection connection, Conversion conversion,
                                            CrmRecord record, String stage) {
        UUID accountId = leadflowId(connection, "account", record.accountId());
        String owner = record.opportunityOwnerId() != null ? record.opportunityOwnerId() : "unassigned";
        return new OpportunityCreated(opportunityId, accountId, leadflowId(connection, "contact", record.contactId()),
                conversion.opportunity().name(), stage == null ? "new" : stage, owner, connection.kind(),
                connection.name(), new CrmIds(record.accountId(), record.contactId(), record.opportunityId()),
                new AccountRef(accountId, conversion.account().name(), conversion.account().domain(),
                        record.accountOwnerId() != null ? record.accountOwnerId() : owner));
    }

    /** The built-in CRM's uuid as it is; an external CRM's id as a name-based uuid of connection, object and id. */
    public static UUID leadflowId(Connection connection, String object, String crmId) {
        if ("builtin".equals(connection.kind())) {
            return UUID.fromString(crmId);
        }
        return UUID.nameUUIDFromBytes((connection.name() + ":" + object + ":" + crmId).getBytes(StandardCharsets.UTF_8));
    }
}
