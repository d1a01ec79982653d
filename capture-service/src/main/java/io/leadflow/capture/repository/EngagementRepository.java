package io.leadflow.capture.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.Engagement;
import io.leadflow.capture.messaging.out.LeadEngaged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code engagement} table in plain SQL: a whole batch is ONE statement that finds each event's lead and inserts
 * every row, and linking a person's waiting events is ONE statement too; no entity per event. Both run on the caller's
 * connection of the reactive SQL client (capture's hot path, see {@link LeadStore}), in its transaction with its
 * outbox rows; the erasure's delete runs in the erasure's Hibernate session.
 */
@ApplicationScoped
public class EngagementRepository {

    /*
     * The batch travels as one JSON array parameter (jsonb_to_recordset): one round trip and one plan for 1 or 100
     * events. An event keyed by e-mail gets the lead with that identity key; one keyed by visitor only gets the lead of
     * the visitor's latest real (non-spam) submission; otherwise it waits, anonymous. Answers the linked ones.
     */
    private static final String INSERT = """
            with batch as (
                select * from jsonb_to_recordset(cast(cast($1 as text) as jsonb)) as e(
                    id uuid, type text, occurred_at timestamptz, email_key text, visitor_id text, url text, title text,
                    utm_source text, utm_medium text, utm_campaign text, utm_term text, utm_content text, detail jsonb)
            ), resolved as (
                select b.*, coalesce(l.id, v.lead_id) as lead_id
                from batch b
                left join lead l on l.email_key = b.email_key
                left join lateral (select s.lead_id from submission s
                                   where b.email_key is null and s.visitor_id = b.visitor_id and s.spam_reason is null
                                   order by s.submitted_at desc limit 1) v on true
            ), inserted as (
                insert into engagement (id, lead_id, email_key, visitor_id, type, occurred_at, received_at, linked_at, url,
                                        title, utm_source, utm_medium, utm_campaign, utm_term, utm_content, detail, form_id, source)
                select id, lead_id, email_key, visitor_id, type, occurred_at, cast($2 as timestamptz),
                       case when lead_id is null then null else cast($2 as timestamptz) end, url,
                       title, utm_source, utm_medium, utm_campaign, utm_term, utm_content, detail, cast($3 as varchar), cast($4 as varchar)
                from resolved
                returning id, lead_id
            )
            select id, lead_id from inserted where lead_id is not null
            """;

    /** The waiting events of a person who just submitted, linked to their lead; answered as LeadEngaged items. */
    private static final String LINK = """
            with linked as (
                update engagement set lead_id = $1, linked_at = $2
                where lead_id is null and (email_key = cast($3 as varchar) %s)
                returning *
            )
            select cast(coalesce(jsonb_agg(jsonb_build_object(
                       'engagementId', id, 'type', type,
                       'occurredAt', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'receivedAt', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'url', url, 'title', title,
                       'utm', case when coalesce(utm_source, utm_medium, utm_campaign, utm_term, utm_content) is null then null
                                   else jsonb_build_object('source', utm_source, 'medium', utm_medium, 'campaign', utm_campaign,
                                                           'term', utm_term, 'content', utm_content) end,
                       'detail', detail, 'visitorId', visitor_id, 'formId', form_id, 'source', source)
                   order by occurred_at, id), '[]'::jsonb) as text)
            from linked
            """;
    private static final String LINK_BY_KEY = LINK.formatted("");
    private static final String LINK_BY_KEY_OR_VISITOR = LINK.formatted("or (email_key is null and visitor_id = cast($4 as varchar))");

    private final ObjectMapper mapper;

    public EngagementRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores a batch in one statement; answers the lead of each event that has one (event id to lead id). */
    public Uni<Map<UUID, UUID>> insert(SqlClient db, List<Engagement> batch, String formId, String source, Instant receivedAt) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (Engagement e : batch) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("type", e.type().wireName());
            row.put("occurred_at", e.occurredAt().toString());
            row.put("email_key", e.emailKey());
            row.put("visitor_id", e.visitorId());
            row.put("url", e.url());
            row.put("title", e.title());
            if (e.utm() != null) {
                row.put("utm_source", e.utm().source());
                row.put("utm_medium", e.utm().medium());
                row.put("utm_campaign", e.utm().campaign());
                row.put("utm_term", e.utm().term());
                row.put("utm_content", e.utm().content());
            }
            row.put("detail", e.detail());
            rows.add(row);
        }
        return db.preparedQuery(INSERT).execute(Tuple.of(json(rows), receivedAt.atOffset(ZoneOffset.UTC), formId, source))
                .map(linked -> {
                    Map<UUID, UUID> leads = new HashMap<>();
                    linked.forEach(row -> leads.put(row.getUUID(0), row.getUUID(1)));
                    return leads;
                });
    }

    private static final String CLAIM_REQUEST = """
            insert into engagement_request (source, key, request_sha256, accepted) values ($1, $2, $3, $4)
            on conflict (source, key) do nothing""";
    private static final String CLAIMED_REQUEST = "select request_sha256, accepted from engagement_request where source = $1 and key = $2";

    /** A request's Idempotency-Key as first used: the SHA-256 of its body and how many events it stored. */
    public record ClaimedRequest(String requestSha256, int accepted) {
    }

    /**
     * Claims a sender's Idempotency-Key for a request, in the caller's transaction; answers false when the key was
     * claimed already (a concurrent claim of the same key waits for the first one to commit: primary key).
     */
    public Uni<Boolean> claimRequest(SqlClient db, String source, String key, String requestSha256, int accepted) {
        return db.preparedQuery(CLAIM_REQUEST).execute(Tuple.of(source, key, requestSha256, accepted))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The request that first used this key, or null. */
    public Uni<ClaimedRequest> claimedRequest(SqlClient db, String source, String key) {
        return db.preparedQuery(CLAIMED_REQUEST).execute(Tuple.of(source, key)).map(rows -> rows.size() == 0 ? null
                : new ClaimedRequest(rows.iterator().next().getString(0), rows.iterator().next().getInteger(1)));
    }

    /**
     * Gives the lead its waiting events: those an integration sent with the person's e-mail before they were a lead,
     * and the anonymous ones of the visitor id a submission carried (null: none). One statement; answers them in time
     * order.
     */
    public Uni<List<LeadEngaged.Item>> linkWaiting(SqlClient db, UUID leadId, String emailKey, String visitorId, Instant linkedAt) {
        OffsetDateTime at = linkedAt.atOffset(ZoneOffset.UTC);
        return (visitorId == null
                ? db.preparedQuery(LINK_BY_KEY).execute(Tuple.of(leadId, at, emailKey))
                : db.preparedQuery(LINK_BY_KEY_OR_VISITOR).execute(Tuple.of(leadId, at, emailKey, visitorId)))
                .map(rows -> items(rows.iterator().next().getString(0)));
    }

    private List<LeadEngaged.Item> items(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable linked engagement", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an engagement batch", e);
        }
    }

    /**
     * Right to erasure: deletes the person's engagement, in the caller's transaction: the events linked to their
     * lead, and those still waiting under their address's identity key or one of their browsers' visitor ids (they
     * would join a later lead of the same person). Completes with the rows deleted.
     */
    public Uni<Integer> deleteOfPerson(UUID leadId, String emailKey, List<String> visitorIds) {
        String visitors;
        try {
            visitors = mapper.writeValueAsString(visitorIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from engagement
                        where lead_id = cast(:leadId as uuid)
                           or (lead_id is null and (email_key = cast(:emailKey as varchar)
                               or visitor_id in (select jsonb_array_elements_text(cast(cast(:visitors as text) as jsonb)))))
                        """)
                .setParameter("leadId", leadId.toString())
                .setParameter("emailKey", emailKey)
                .setParameter("visitors", visitors)
                .executeUpdate());
    }
}
