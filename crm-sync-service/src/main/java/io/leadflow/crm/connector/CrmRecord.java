package io.leadflow.crm.connector;

/**
 * The CRM's ids for a converted lead.
 *
 * @param accountOwnerId the account's owner in the CRM, when it has one (the fallback owner of the deal)
 * @param opportunityOwnerId the deal's owner as the CRM holds it
 * @param created whether this call created the opportunity (false: it existed, e.g. a retry after a timeout)
 */
public record CrmRecord(String accountId, String contactId, String opportunityId, String accountOwnerId,
                        String opportunityOwnerId, boolean created) {
}
