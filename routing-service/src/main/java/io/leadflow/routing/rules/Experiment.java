package io.leadflow.routing.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * An A/B test of routing: a stable share of the leads is decided by variant B's rules instead of the rule set's
 * own (A). A lead's side is a pure function of the lead id and the experiment id, so it never changes between
 * replicas, restarts or re-deliveries, and two experiments split the leads independently.
 *
 * <p>The bucket of a lead is {@code first 4 bytes of SHA-256(UTF-8 of experimentId + ":" + leadId)}, read as an
 * unsigned big-endian integer, modulo 100; buckets {@code 0 .. shareB-1} are variant B. The same in PostgreSQL:
 * <pre>
 * mod(('x' || lpad(substr(encode(sha256(convert_to(:experiment || ':' || lead_id, 'UTF8')), 'hex'), 1, 8), 16, '0'))::bit(64)::bigint, 100)
 * </pre>
 *
 * @param id          the experiment's id, recorded with every decision (and salting the hash)
 * @param shareB      the percentage of leads variant B decides, 0-100
 * @param rules       variant B's ordered rules (first match wins; the rule set's catch-all still applies)
 * @param description for people
 */
public record Experiment(String id, int shareB, List<RoutingRule> rules, String description) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    public Experiment {
        rules = List.copyOf(rules);
    }

    /** The lead's bucket, 0-99 (see the class documentation). */
    public static int bucket(String experimentId, String leadId) {
        byte[] h = SHA_256.get().digest((experimentId + ":" + leadId).getBytes(StandardCharsets.UTF_8));
        long first = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
        return (int) (first % 100);
    }

    /** The variant that decides this lead; A when the lead id is unknown. */
    public Variant variantOf(String leadId) {
        return leadId != null && bucket(id, leadId) < shareB ? Variant.B : Variant.A;
    }
}
