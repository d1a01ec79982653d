package io.leadflow.capture.repository;

import io.leadflow.capture.domain.IdempotencyKey;
import io.leadflow.capture.domain.Lead;
import io.leadflow.capture.domain.Submission;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The capture path's reads and writes of leads, submissions and idempotency keys, in plain SQL on a connection of
 * the reactive client, inside the transaction the caller opened on it ({@code Pool.withTransaction}). Capture is the
 * front door and its hottest path: measured under load, Hibernate Reactive's session, flush and query-plan machinery
 * cost several times the SQL itself, and it awaits each statement before sending the next. Here each method is one
 * prepared statement, queued on the connection when subscribed, so a capture's inserts travel together (pipelined)
 * and commit in a few round trips. The {@link Lead} and {@link Submission} classes stay the domain objects (and
 * Hibernate's mapping for the read side); this class maps exactly their columns.
 */
@ApplicationScoped
public class LeadStore {

    private static final List<String> LEAD_COLUMNS = List.of("id", "submission_id", "channel", "email", "email_key",
            "first_name", "last_name", "company", "job_title", "phone", "phone_raw", "country", "message", "state",
            "website", "industry", "employees", "revenue", "consent_marketing", "consent_text", "consent_version",
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "page_url", "referrer", "form_id",
            "spam_reason", "captured_at", "last_submitted_at", "submission_count", "do_not_contact");

    private static final List<String> SUBMISSION_COLUMNS = List.of("id", "lead_id", "channel", "form_id",
            "submitted_at", "email", "first_name", "last_name", "company", "job_title", "phone", "phone_raw", "country",
            "message", "state", "website", "industry", "employees", "revenue", "consent_marketing", "consent_text",
            "consent_version", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "page_url",
            "referrer", "first_seen_at", "visitor_id", "spam_reason", "filled_fields", "conflicting_fields");

    /** What a later submission may change on a lead (progressive profiling, latest consent, counters). */
    private static final List<String> RESUBMISSION_COLUMNS = List.of("first_name", "last_name", "company", "job_title",
            "phone", "phone_raw", "country", "state", "website", "industry", "employees", "revenue", "consent_marketing",
            "consent_text", "consent_version", "last_submitted_at", "submission_count");

    private static final String SELECT_LEADS = "select " + String.join(", ", LEAD_COLUMNS) + " from lead ";
    private static final String LOCK_PERSON = SELECT_LEADS + "where email_key = $1 for update";
    // Locked in key order: two batches taking overlapping people wait for each other instead of deadlocking.
    private static final String LOCK_PEOPLE = SELECT_LEADS + "where email_key = any($1) order by email_key for update";
    private static final String INSERT_LEAD = insert("lead", LEAD_COLUMNS);
    private static final String INSERT_SUBMISSION = insert("submission", SUBMISSION_COLUMNS);
    private static final String UPDATE_RESUBMITTED = "update lead set "
            + numbered(RESUBMISSION_COLUMNS, 2) + " where id = $1";
    private static final String IS_LISTED = "select exists (select 1 from do_not_contact where email_key = $1)";
    private static final String LISTED = "select email_key from do_not_contact where email_key = any($1)";
    private static final String CLAIM_KEY = """
            insert into idempotency_key (key, lead_id, request_sha256) values ($1, $2, $3)
            on conflict (key) do nothing""";
    private static final String CLAIMED_KEYS = "select key, lead_id, request_sha256 from idempotency_key where key = any($1)";

    private static String insert(String table, List<String> columns) {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= columns.size(); i++) {
            values.append(i == 1 ? "$" : ", $").append(i);
        }
        return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + values + ")";
    }

    private static String numbered(List<String> columns, int first) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            set.add(columns.get(i) + " = $" + (first + i));
        }
        return String.join(", ", set);
    }

    /** The person's lead, locked until commit so that concurrent submissions of one person merge one after the other. */
    public Uni<Lead> lockPerson(SqlClient db, String emailKey) {
        return db.preparedQuery(LOCK_PERSON).execute(Tuple.of(emailKey))
                .map(rows -> rows.size() == 0 ? null : lead(rows.iterator().next()));
    }

    /** The leads of these people, locked until commit, in the order of their keys. */
    public Uni<List<Lead>> lockPeople(SqlClient db, Collection<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.preparedQuery(LOCK_PEOPLE).execute(Tuple.of(emailKeys.toArray(String[]::new))).map(rows -> {
            List<Lead> leads = new ArrayList<>(rows.size());
            rows.forEach(row -> leads.add(lead(row)));
            return leads;
        });
    }

    /** Whether the person is on the do-not-contact list. */
    public Uni<Boolean> isListed(SqlClient db, String emailKey) {
        return db.preparedQuery(IS_LISTED).execute(Tuple.of(emailKey)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Which of these people are on the do-not-contact list. */
    public Uni<Set<String>> listed(SqlClient db, Collection<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return db.preparedQuery(LISTED).execute(Tuple.of(emailKeys.toArray(String[]::new)))
                .map(rows -> rowsOf(rows).stream().map(row -> row.getString(0)).collect(Collectors.toSet()));
    }

    public Uni<Void> insert(SqlClient db, Lead lead) {
        return db.preparedQuery(INSERT_LEAD).execute(tuple(lead)).replaceWithVoid();
    }

    public Uni<Void> insertLeads(SqlClient db, List<Lead> leads) {
        return leads.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery(INSERT_LEAD).executeBatch(leads.stream().map(LeadStore::tuple).toList()).replaceWithVoid();
    }

    public Uni<Void> insert(SqlClient db, Submission submission) {
        return db.preparedQuery(INSERT_SUBMISSION).execute(tuple(submission)).replaceWithVoid();
    }

    public Uni<Void> insertSubmissions(SqlClient db, List<Submission> submissions) {
        return submissions.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery(INSERT_SUBMISSION).executeBatch(submissions.stream().map(LeadStore::tuple).toList())
                .replaceWithVoid();
    }

    /** Writes what a later submission changed on the lead ({@link Lead#resubmitted}). */
    public Uni<Void> updateResubmitted(SqlClient db, Lead lead) {
        return db.preparedQuery(UPDATE_RESUBMITTED).execute(resubmissionTuple(lead)).replaceWithVoid();
    }

    public Uni<Void> updateResubmitted(SqlClient db, Collection<Lead> leads) {
        return leads.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery(UPDATE_RESUBMITTED).executeBatch(leads.stream().map(LeadStore::resubmissionTuple).toList())
                .replaceWithVoid();
    }

    /** A key to claim for a lead, with the SHA-256 of the normalised submission that uses it. */
    public record Claim(String key, UUID leadId, String requestSha256) {
    }

    /**
     * Claims a key for a lead. Answers false when the key already belongs to another submission; a concurrent claim
     * of the same key waits for the first one to commit (primary key).
     */
    public Uni<Boolean> claim(SqlClient db, String key, UUID leadId, String requestSha256) {
        return db.preparedQuery(CLAIM_KEY).execute(Tuple.of(key, leadId, requestSha256)).map(rows -> rows.rowCount() == 1);
    }

    /** Claims many keys; answers how many were inserted (fewer than asked: another transaction claimed some first). */
    public Uni<Integer> claimAll(SqlClient db, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return db.preparedQuery(CLAIM_KEY)
                .executeBatch(claims.stream().map(c -> Tuple.of(c.key(), c.leadId(), c.requestSha256())).toList())
                .map(LeadStore::rowCounts);
    }

    /** The keys among these that were claimed already. */
    public Uni<List<IdempotencyKey>> claimed(SqlClient db, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.preparedQuery(CLAIMED_KEYS).execute(Tuple.of(keys.toArray(String[]::new))).map(rows -> {
            List<IdempotencyKey> claimed = new ArrayList<>();
            for (Row row : rows) {
                IdempotencyKey key = new IdempotencyKey();
                key.key = row.getString(0);
                key.leadId = row.getUUID(1);
                key.requestSha256 = row.getString(2);
                claimed.add(key);
            }
            return claimed;
        });
    }

    // ---------------------------------------------------------------- mapping

    private static int rowCounts(RowSet<Row> rows) {
        int count = 0;
        for (RowSet<Row> set = rows; set != null; set = set.next()) {
            count += set.rowCount(); // a batch answers one row set per tuple
        }
        return count;
    }

    private static List<Row> rowsOf(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }

    private static Tuple tuple(Lead l) {
        return Tuple.from(Arrays.asList(l.id, l.submissionId, l.channel, l.email, l.emailKey, l.firstName, l.lastName,
                l.company, l.jobTitle, l.phone, l.phoneRaw, l.country, l.message, l.state, l.website, l.industry,
                l.employees, l.revenue, l.consentMarketing, l.consentText, l.consentVersion, l.utmSource, l.utmMedium,
                l.utmCampaign, l.utmTerm, l.utmContent, l.pageUrl, l.referrer, l.formId, l.spamReason, at(l.capturedAt),
                at(l.lastSubmittedAt), l.submissionCount, l.doNotContact));
    }

    private static Tuple resubmissionTuple(Lead l) {
        return Tuple.from(Arrays.asList(l.id, l.firstName, l.lastName, l.company, l.jobTitle, l.phone, l.phoneRaw, l.country,
                l.state, l.website, l.industry, l.employees, l.revenue, l.consentMarketing, l.consentText, l.consentVersion,
                at(l.lastSubmittedAt), l.submissionCount));
    }

    private static Tuple tuple(Submission s) {
        return Tuple.from(Arrays.asList(s.id, s.leadId, s.channel, s.formId, at(s.submittedAt), s.email, s.firstName,
                s.lastName, s.company, s.jobTitle, s.phone, s.phoneRaw, s.country, s.message, s.state, s.website,
                s.industry, s.employees, s.revenue, s.consentMarketing, s.consentText, s.consentVersion, s.utmSource,
                s.utmMedium, s.utmCampaign, s.utmTerm, s.utmContent, s.pageUrl, s.referrer, at(s.firstSeenAt), s.visitorId,
                s.spamReason, s.filledFields, s.conflictingFields));
    }

    private static Lead lead(Row r) {
        Lead l = new Lead();
        l.id = r.getUUID("id");
        l.submissionId = r.getUUID("submission_id");
        l.channel = r.getString("channel");
        l.email = r.getString("email");
        l.emailKey = r.getString("email_key");
        l.firstName = r.getString("first_name");
        l.lastName = r.getString("last_name");
        l.company = r.getString("company");
        l.jobTitle = r.getString("job_title");
        l.phone = r.getString("phone");
        l.phoneRaw = r.getString("phone_raw");
        l.country = r.getString("country");
        l.message = r.getString("message");
        l.state = r.getString("state");
        l.website = r.getString("website");
        l.industry = r.getString("industry");
        l.employees = r.getString("employees");
        l.revenue = r.getString("revenue");
        l.consentMarketing = r.getBoolean("consent_marketing");
        l.consentText = r.getString("consent_text");
        l.consentVersion = r.getString("consent_version");
        l.utmSource = r.getString("utm_source");
        l.utmMedium = r.getString("utm_medium");
        l.utmCampaign = r.getString("utm_campaign");
        l.utmTerm = r.getString("utm_term");
        l.utmContent = r.getString("utm_content");
        l.pageUrl = r.getString("page_url");
        l.referrer = r.getString("referrer");
        l.formId = r.getString("form_id");
        l.spamReason = r.getString("spam_reason");
        l.capturedAt = instant(r.getOffsetDateTime("captured_at"));
        l.lastSubmittedAt = instant(r.getOffsetDateTime("last_submitted_at"));
        l.submissionCount = r.getInteger("submission_count");
        l.doNotContact = r.getBoolean("do_not_contact");
        return l;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
