package io.leadflow.crm.messaging.out;

import io.leadflow.crm.domain.Opportunity;

import java.util.UUID;

/** The body of OpportunityCreated on leads.crm.v1 (contract: contracts/.../OpportunityCreated.schema.json). */
public record OpportunityCreated(UUID opportunityId, UUID accountId, UUID contactId, String name, String stage,
                                 String ownerId, String crm) {

    public static final String TYPE = "OpportunityCreated";
    /** The CRM the opportunity lives in; the built-in one until HubSpot and Salesforce adapters exist. */
    public static final String BUILTIN = "builtin";

    public static OpportunityCreated of(Opportunity opportunity) {
        return new OpportunityCreated(opportunity.id, opportunity.accountId, opportunity.contactId, opportunity.name,
                opportunity.stage, opportunity.ownerId, BUILTIN);
    }
}
