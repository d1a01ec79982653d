package io.leadflow.crm.messaging.out;

import io.leadflow.crm.domain.Account;
import io.leadflow.crm.domain.Opportunity;

import java.util.UUID;

/** The body of OpportunityCreated on leads.crm.v1 (contract: contracts/.../OpportunityCreated.schema.json). */
public record OpportunityCreated(UUID opportunityId, UUID accountId, UUID contactId, String name, String stage,
                                 String ownerId, String crm, AccountRef account) {

    public static final String TYPE = "OpportunityCreated";
    /** The CRM the opportunity lives in; the built-in one until HubSpot and Salesforce adapters exist. */
    public static final String BUILTIN = "builtin";

    /**
     * The account the opportunity was opened on, so that enrichment learns it for matching later leads. The built-in
     * CRM has no account owner of its own yet: the owner of the account's first opportunity stands for it.
     */
    public record AccountRef(UUID id, String name, String domain, String ownerId) {
    }

    public static OpportunityCreated of(Opportunity opportunity, Account account) {
        return new OpportunityCreated(opportunity.id, opportunity.accountId, opportunity.contactId, opportunity.name,
                opportunity.stage, opportunity.ownerId, BUILTIN,
                new AccountRef(account.id, account.name, account.domain, opportunity.ownerId));
    }
}
