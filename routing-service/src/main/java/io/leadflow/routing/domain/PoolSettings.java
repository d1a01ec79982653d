package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.DistributionMethod;

import java.time.Duration;
import java.util.List;

/**
 * Everything RevOps sets on a pool (validated in shape; that the SDRs and the fallback pool exist is
 * checked against the roster). Members in rotation order. Without a fallback pool a lead nobody can
 * take waits in the pool; with one it moves there after {@code fallbackAfter} (zero: at once).
 */
public record PoolSettings(String name, DistributionMethod method, List<Member> members, String managerEmail,
                           String fallbackPoolId, Duration fallbackAfter) {

    public record Member(String sdrId, int weight) {
    }
}
