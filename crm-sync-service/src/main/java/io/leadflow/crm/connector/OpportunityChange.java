package io.leadflow.crm.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An opportunity as the CRM holds it now, read by polling or after a webhook.
 *
 * @param stage     the CRM's stage id (for example {@code appointmentscheduled}, {@code Prospecting})
 * @param closed    whether the CRM considers the deal closed
 * @param won       whether it closed won (meaningful only when closed)
 * @param lossReason the CRM's loss reason, null when none
 * @param modifiedAt the CRM's last-modified time (HubSpot {@code hs_lastmodifieddate}, Salesforce
 *                   {@code SystemModstamp}): the polling cursor and the tie-breaker of field ownership
 */
public record OpportunityChange(UUID leadId, String opportunityId, String stage, boolean closed, boolean won,
                                BigDecimal amount, String lossReason, LocalDate closeDate, Instant modifiedAt) {
}
