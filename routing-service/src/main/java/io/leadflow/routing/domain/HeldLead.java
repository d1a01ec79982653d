package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead waiting in its pool's hold queue because nobody in the pool could take it: first in, first out. It keeps
 * what LeadScored said and what the rules decided, so that its assignment, when it comes, is the one it would have
 * had at once. {@code heldSince} is when it first waited (in any pool), {@code poolSince} when it started waiting in
 * this one (the fallback timer), {@code retryAt} when a skipped member comes back by the clock (null: only by
 * someone's action: a resume, a closed lead, a roster change), {@code fallbackAt} when it moves to the fallback pool
 * as the pool's settings were when it started waiting (the queue reads the settings of the moment).
 */
@Entity
@Table(name = "routing_hold")
public class HeldLead implements ScoredLead {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "held_since")
    public Instant heldSince;
    @Column(name = "pool_since")
    public Instant poolSince;
    @Column(name = "retry_at")
    public Instant retryAt;
    @Column(name = "fallback_at")
    public Instant fallbackAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode lead;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode enrichment;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode score;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode conversion;
    @Embedded
    public RuleTrail trail;

    /** The lead waits in the pool from now; with a fallback pool, until {@code fallbackAfter} has passed. */
    public static HeldLead of(UUID leadId, ScoredLead scored, RuleTrail trail, String poolId, Instant now,
                              Instant retryAt, Duration fallbackAfter) {
        HeldLead held = new HeldLead();
        held.leadId = leadId;
        held.lead = scored.lead();
        held.enrichment = scored.enrichment();
        held.score = scored.score();
        held.conversion = scored.conversion();
        held.trail = trail;
        held.heldSince = now;
        held.waitIn(poolId, now, retryAt, fallbackAfter);
        return held;
    }

    /** Starts waiting in a pool (the first, or a fallback). */
    public void waitIn(String pool, Instant now, Instant retry, Duration fallbackAfter) {
        poolId = pool;
        poolSince = now;
        retryAt = retry;
        fallbackAt = fallbackAfter == null ? null : now.plus(fallbackAfter);
    }

    @Override
    public JsonNode lead() {
        return lead;
    }

    @Override
    public JsonNode enrichment() {
        return enrichment;
    }

    @Override
    public JsonNode score() {
        return score;
    }

    @Override
    public int scoreValue() {
        return score.path("value").asInt();
    }

    @Override
    public String grade() {
        return score.path("grade").asText();
    }

    @Override
    public JsonNode conversion() {
        return conversion;
    }
}
