package io.leadflow.sla.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of the SLA policies: the calendars they use and the policies in order. The first policy whose
 * match fits a lead applies; the last one matches every lead, so every lead has a promise.
 */
public record SlaPolicySet(String version, Map<String, BusinessCalendar> calendars, List<SlaPolicy> policies) {

    public SlaPolicySet {
        Objects.requireNonNull(version, "version");
        calendars = Map.copyOf(calendars);
        policies = List.copyOf(policies);
        if (policies.isEmpty() || !policies.get(policies.size() - 1).match().isCatchAll()) {
            throw new IllegalArgumentException("the last policy must match every lead");
        }
    }

    /** The policy that applies to a lead: the first that matches. */
    public SlaPolicy policyFor(LeadFacts lead) {
        for (SlaPolicy policy : policies) {
            if (policy.match().matches(lead)) {
                return policy;
            }
        }
        return policies.get(policies.size() - 1);
    }

    /**
     * The policy with that id, for a clock started under it; the catch-all when this version no longer has it (the
     * clock keeps its deadline, only later clocks of the lead use the catch-all's rules).
     */
    public SlaPolicy policy(String id) {
        for (SlaPolicy policy : policies) {
            if (policy.id().equals(id)) {
                return policy;
            }
        }
        return policies.get(policies.size() - 1);
    }
}
