package io.leadflow.routing.api;

import io.leadflow.routing.distribution.DistributionMethod;
import io.leadflow.routing.domain.PoolSettings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pool as RevOps writes it: members in rotation order with their weights (default 1), the method
 * (default STRICT_ROUND_ROBIN), manager, and where leads go when nobody can take them
 * ({@code fallbackPoolId} after {@code fallbackAfter}, an ISO-8601 duration, default PT0S).
 */
public record PoolRequest(String id, String name, String method, List<MemberEntry> members, String managerEmail,
                          String fallbackPoolId, String fallbackAfter) {

    static final int MAX_MEMBERS = 5_000;
    static final int MAX_WEIGHT = 1_000;
    static final Duration MAX_WAIT = Duration.ofDays(30);

    public record MemberEntry(String sdrId, Integer weight) {
    }

    PoolSettings forCreate() {
        FieldErrors errors = new FieldErrors();
        String validId = errors.id("id", id);
        return settings(errors, validId);
    }

    PoolSettings forUpdate(String pathId) {
        FieldErrors errors = new FieldErrors();
        if (id != null && !id.equals(pathId)) {
            errors.add("id", "must be the pool's id in the path (" + pathId + ") or absent");
        }
        return settings(errors, pathId);
    }

    private PoolSettings settings(FieldErrors errors, String poolId) {
        String validName = errors.text("name", name, 200);
        DistributionMethod validMethod = method(errors);
        List<PoolSettings.Member> validMembers = members(errors);
        String manager = errors.email("managerEmail", managerEmail, false);
        String fallback = null;
        if (fallbackPoolId != null && !fallbackPoolId.isBlank()) {
            fallback = errors.id("fallbackPoolId", fallbackPoolId.strip());
            if (fallback != null && fallback.equals(poolId)) {
                errors.add("fallbackPoolId", "cannot be the pool itself");
            }
        }
        Duration wait = null;
        if (fallbackAfter != null && !fallbackAfter.isBlank()) {
            try {
                wait = Duration.parse(fallbackAfter.strip());
                if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
                    errors.add("fallbackAfter", "must be from PT0S to P30D");
                } else if (fallback == null && fallbackPoolId == null) {
                    errors.add("fallbackAfter", "needs fallbackPoolId (where held leads go)");
                }
            } catch (DateTimeParseException e) {
                errors.add("fallbackAfter", "must be an ISO-8601 duration such as PT15M or PT2H");
            }
        }
        errors.throwIfAny();
        return new PoolSettings(validName, validMethod, validMembers, manager, fallback, wait);
    }

    private DistributionMethod method(FieldErrors errors) {
        if (method == null || method.isBlank()) {
            return DistributionMethod.STRICT_ROUND_ROBIN;
        }
        try {
            return DistributionMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("method", "must be one of " + Arrays.stream(DistributionMethod.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    private List<PoolSettings.Member> members(FieldErrors errors) {
        if (members == null) {
            return List.of();
        }
        if (members.size() > MAX_MEMBERS) {
            errors.add("members", "must be at most " + MAX_MEMBERS + " SDRs");
            return List.of();
        }
        List<PoolSettings.Member> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            MemberEntry entry = members.get(i);
            String field = "members[" + i + "]";
            String sdrId = errors.id(field + ".sdrId", entry == null ? null : entry.sdrId());
            if (sdrId != null && !seen.add(sdrId)) {
                errors.add(field + ".sdrId", "is already a member (an SDR is in a pool once)");
            }
            Integer weight = entry == null || entry.weight() == null ? Integer.valueOf(1) : entry.weight();
            if (weight < 1 || weight > MAX_WEIGHT) {
                errors.add(field + ".weight", "must be from 1 to " + MAX_WEIGHT);
            }
            valid.add(new PoolSettings.Member(sdrId, weight));
        }
        return valid;
    }
}
