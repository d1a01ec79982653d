package io.leadflow.crm.story;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a lead before it became an opportunity, as crm-sync learned it from routing's events: where it came
 * from, how it scored and why, which rule and experiment arm routed it to which SDR, and the SDR's touches. The AE reads
 * it in the hand-over; closed opportunities carry its attribution fields.
 */
public record LeadStory(String source, String medium, String campaign, Integer score, String grade,
                        List<String> reasons, String scoringRuleSet, Integer modelVersion, String routingRuleSet,
                        String ruleId, String experimentId, String variant, String poolId, String sdrId,
                        List<Touch> touches) {

    public LeadStory {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        touches = touches == null ? List.of() : List.copyOf(touches);
    }

    public static final LeadStory UNKNOWN = new LeadStory(null, null, null, null, null, List.of(), null, null, null,
            null, null, null, null, null, List.of());

    /** One logged SDR touch. */
    public record Touch(String channel, String outcome, String note, Instant at) {
    }
}
