package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.DistributionMethod;

import java.time.Instant;
import java.util.List;

/**
 * A pool as the roster API shows it: method, members in rotation order with weights, the round-robin
 * cursor and current weights (pool state, moved by routing), manager, and the hold settings
 * ({@code fallbackAfter} as an ISO-8601 duration, e.g. {@code PT15M}).
 */
public record PoolProfile(String id, String name, DistributionMethod method, String managerEmail, String fallbackPoolId,
                          String fallbackAfter, int cursor, List<Member> members, Instant updatedAt) {

    public record Member(String sdrId, String name, int position, int weight, long currentWeight, boolean active,
                         boolean paused) {
    }
}
