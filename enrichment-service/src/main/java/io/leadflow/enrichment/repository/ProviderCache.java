package io.leadflow.enrichment.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.messaging.Retention;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remote providers' answers by provider and domain, found or not, until they expire: a domain is bought once per TTL,
 * and a lead whose answer is cached needs no call at all.
 */
@ApplicationScoped
public class ProviderCache {

    private final Pool db;
    private final ObjectMapper mapper;

    public ProviderCache(Pool db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** The unexpired answers for this domain, by provider: the facts, or empty when the provider does not know it. */
    public Uni<Map<String, Optional<CompanyFacts>>> answers(String domain) {
        return db.preparedQuery("select provider, found, facts from provider_cache where domain = $1 and expires_at > now()")
                .execute(Tuple.of(domain))
                .map(rows -> {
                    Map<String, Optional<CompanyFacts>> answers = new HashMap<>();
                    for (Row row : rows) {
                        answers.put(row.getString("provider"), row.getBoolean("found")
                                ? Optional.of(facts(row.getJsonObject("facts"))) : Optional.empty());
                    }
                    return answers;
                });
    }

    public Uni<Void> put(String provider, String domain, Optional<CompanyFacts> answer, Duration ttl) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.preparedQuery("""
                        insert into provider_cache (provider, domain, found, facts, fetched_at, expires_at)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (provider, domain) do update set found = excluded.found, facts = excluded.facts,
                            fetched_at = excluded.fetched_at, expires_at = excluded.expires_at""")
                .execute(Tuple.from(java.util.Arrays.asList(provider, domain, answer.isPresent(),
                        answer.map(this::json).orElse(null), now, now.plus(ttl))))
                .replaceWithVoid();
    }

    /** Deletes expired answers in bounded batches; completes with how many went. */
    public Uni<Long> purgeExpired() {
        return Retention.deleteBefore(db, "delete from provider_cache where (provider, domain) in (select provider, domain "
                + "from provider_cache where expires_at < $1 limit " + Retention.BATCH + ")", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private JsonObject json(CompanyFacts facts) {
        try {
            return new JsonObject(mapper.writeValueAsString(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompanyFacts facts(JsonObject json) {
        return mapper.convertValue(json.getMap(), CompanyFacts.class);
    }
}
