package io.leadflow.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}.
 * Bounded: when more than {@code maxClients} are tracked, full buckets are forgotten (a full
 * bucket carries no information).
 */
public final class TokenBuckets {

    private final double perNano;
    private final double burst;
    private final int maxClients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, int maxClients) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.perNano = perSecond / 1_000_000_000d;
        this.burst = burst;
        this.maxClients = maxClients;
    }

    /** Takes one token for {@code client} at {@code nowNanos}; returns 0 when allowed, else the millis until a token is back. */
    public long tryTake(String client, long nowNanos) {
        if (buckets.size() > maxClients) {
            buckets.values().removeIf(b -> b.level(nowNanos) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            double level = bucket.level(nowNanos);
            bucket.tokens = level;
            bucket.at = nowNanos;
            if (level >= 1) {
                bucket.tokens = level - 1;
                return 0;
            }
            return (long) Math.ceil((1 - level) / perNano / 1_000_000d);
        }
    }

    private final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        double level(long nowNanos) {
            return Math.min(burst, tokens + (nowNanos - at) * perNano);
        }
    }
}
