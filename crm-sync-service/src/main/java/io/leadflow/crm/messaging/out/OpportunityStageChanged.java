package io.leadflow.crm.messaging.out;

import java.time.Instant;
import java.util.UUID;

/** An open deal moved to another stage in the CRM (contract: OpportunityStageChanged.schema.json). */
public record OpportunityStageChanged(UUID opportunityId, String stage, String previousStage, Instant changedAt,
                                      String crm) {

    public static final String TYPE = "OpportunityStageChanged";
}
