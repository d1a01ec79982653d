package io.leadflow.enrichment.repository;

import io.leadflow.enrichment.domain.LeadEnrichment;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Leads waiting for a remote provider (pending_enrichment), and the writes of their enrichment once settled. The
 * consumer records a waiting lead in its inbox transaction (Hibernate session); settling happens later, off the
 * consumer, in plain SQL transactions on the reactive pool, under the lead's advisory lock.
 */
@ApplicationScoped
public class PendingEnrichments {

    public static final String PENDING = "pending";
    public static final String PARTIAL = "partial";

    /** A waiting lead: the captured event as JSON, its status, when its time budget ends, and provider calls made. */
    public record Waiting(UUID leadId, String captured, String status, Instant deadline, int attempts) {
    }

    private final Pool db;

    public PendingEnrichments(Pool db) {
        this.db = db;
    }

    /** In the consumer's transaction: the lead waits for its providers until the deadline. */
    public Uni<Void> wait(UUID leadId, String capturedJson, Instant deadline) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into pending_enrichment (lead_id, captured, status, deadline, attempts, created_at)
                        values (cast(:leadId as uuid), :captured, 'pending',
                                cast(cast(:deadline as text) as timestamptz), 0, now())
                        on conflict (lead_id) do update set captured = excluded.captured, status = 'pending',
                            deadline = excluded.deadline, next_attempt_at = null, attempts = 0""")
                        .setParameter("leadId", leadId.toString())
                        .setParameter("captured", capturedJson)
                        .setParameter("deadline", deadline.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** In the consumer's transaction (right to erasure): the waiting lead and its copy of the person's data go. */
    public Uni<Void> forget(UUID leadId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from pending_enrichment where lead_id = cast(:leadId as uuid)")
                        .setParameter("leadId", leadId.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Takes the lead's advisory lock (the consumer's, see ErasedLeads) and reads its waiting row, if still there. */
    public Uni<Waiting> lockAndFind(SqlClient tx, UUID leadId) {
        return tx.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(ErasedLeads.lockKey(leadId)))
                .chain(() -> tx.preparedQuery("select lead_id, captured, status, deadline, attempts "
                        + "from pending_enrichment where lead_id = $1").execute(Tuple.of(leadId)))
                .map(rows -> rows.size() == 0 ? null : waiting(rows.iterator().next()));
    }

    public Uni<Void> markPartial(SqlClient tx, UUID leadId, Instant nextAttempt) {
        return tx.preparedQuery("update pending_enrichment set status = 'partial', next_attempt_at = $2 where lead_id = $1")
                .execute(Tuple.of(leadId, utc(nextAttempt))).replaceWithVoid();
    }

    public Uni<Void> countAttempt(SqlClient tx, UUID leadId, Instant nextAttempt) {
        return tx.preparedQuery("update pending_enrichment set attempts = attempts + 1, next_attempt_at = $2 where lead_id = $1")
                .execute(Tuple.of(leadId, utc(nextAttempt))).replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient tx, UUID leadId) {
        return tx.preparedQuery("delete from pending_enrichment where lead_id = $1").execute(Tuple.of(leadId)).replaceWithVoid();
    }

    /** Waiting leads whose budget ended, or whose next provider call is due (a restart, a failed provider). */
    public Uni<List<Waiting>> due(int limit) {
        return db.preparedQuery("""
                        select lead_id, captured, status, deadline, attempts from pending_enrichment
                        where (status = 'pending' and deadline <= now()) or (status = 'partial' and next_attempt_at <= now())
                        order by deadline limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Waiting> due = new ArrayList<>();
                    rows.forEach(row -> due.add(waiting(row)));
                    return due;
                });
    }

    /** Writes the lead's enrichment (the row the consumer writes through Hibernate for a lead that did not wait). */
    public Uni<Void> storeEnrichment(SqlClient tx, LeadEnrichment r) {
        return tx.preparedQuery("""
                        insert into lead_enrichment (lead_id, email_domain, email_class, company_domain, seniority, department,
                            decision_maker, role_account, phone_type, region, time_zone, data_quality, company_name, industry,
                            employee_band, revenue_band, hq_country, partial, revision, enriched_at, state, account_id, account_owner_id,
                            account_confidence)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                            $22, $23, $24)
                        on conflict (lead_id) do update set email_domain = excluded.email_domain,
                            email_class = excluded.email_class, company_domain = excluded.company_domain,
                            seniority = excluded.seniority, department = excluded.department,
                            decision_maker = excluded.decision_maker, role_account = excluded.role_account,
                            phone_type = excluded.phone_type, region = excluded.region, time_zone = excluded.time_zone,
                            data_quality = excluded.data_quality, company_name = excluded.company_name,
                            industry = excluded.industry, employee_band = excluded.employee_band,
                            revenue_band = excluded.revenue_band, hq_country = excluded.hq_country,
                            partial = excluded.partial, revision = excluded.revision, enriched_at = excluded.enriched_at,
                            state = excluded.state, account_id = excluded.account_id,
                            account_owner_id = excluded.account_owner_id, account_confidence = excluded.account_confidence""")
                .execute(Tuple.from(Arrays.asList(r.leadId, r.emailDomain, r.emailClass, r.companyDomain, r.seniority,
                        r.department, r.decisionMaker, r.roleAccount, r.phoneType, r.region, r.timeZone, r.dataQuality,
                        r.companyName, r.industry, r.employeeBand, r.revenueBand, r.hqCountry, r.partial, r.revision,
                        utc(r.enrichedAt), r.state, r.accountId, r.accountOwnerId, r.accountConfidence)))
                .replaceWithVoid();
    }

    public Pool pool() {
        return db;
    }

    private static Waiting waiting(Row row) {
        return new Waiting(row.getUUID("lead_id"), row.getString("captured"), row.getString("status"),
                row.getOffsetDateTime("deadline").toInstant(), row.getInteger("attempts"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
