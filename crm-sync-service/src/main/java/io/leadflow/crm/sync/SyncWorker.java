package io.leadflow.crm.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.CrmException;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.messaging.out.CrmSyncFailed;
import io.leadflow.crm.messaging.out.OpportunityCreated;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.messaging.scheduling.FreshContext;
import io.leadflow.messaging.scheduling.RepeatingTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Syncs qualified leads to their CRM connection. Each run claims due jobs (a lease, {@code FOR UPDATE SKIP LOCKED}, so
 * replicas share the work), calls the CRM with no database transaction open, then commits the outcome - the CRM's ids,
 * the sync log and OpportunityCreated - in one transaction, but only while it still holds the lease. A worker killed
 * between the CRM's answer and the commit leaves the job pending; when the lease runs out, the job is claimed again and
 * the connector's idempotent upserts find the records the first call made. One opportunity, one OpportunityCreated.
 *
 * <p>A failure is retried later with exponential backoff (or the CRM's Retry-After); a rejected sync (the CRM refused
 * the data) or one out of attempts goes to the connection's dead-letter topic as {@code CrmSyncFailed}, and stays
 * listed as failed until RevOps replays it.
 */
@ApplicationScoped
public class SyncWorker {

    private static final Logger LOG = Logger.getLogger(SyncWorker.class);
    private static final TypeLiteral<Uni<CrmRecord>> RECORD = new TypeLiteral<>() {
    };

    private static final String CLAIM = """
            update crm_sync set lease_token = $1, leased_until = now() + $2 * interval '1 millisecond',
                   attempts = attempts + 1, updated_at = now()
             where lead_id in (select lead_id from crm_sync
                                where state = 'pending' and next_attempt_at <= now()
                                  and (leased_until is null or leased_until < now())
                                order by next_attempt_at limit $3 for update skip locked)
            returning lead_id, connection, opportunity_id, cast(conversion as text) as conversion, attempts
            """;
    private static final String SYNCED = """
            update crm_sync set state = 'synced', crm_account_id = $3, crm_contact_id = $4, crm_opportunity_id = $5,
                   owner_id = $6, stage = $7, lifecycle = 'opportunity', opportunity_id = coalesce($8, opportunity_id),
                   account_id = $9, amount = $10,
                   lease_token = null, leased_until = null, last_error = null, synced_at = now(), updated_at = now()
             where lead_id = $1 and lease_token = $2 and state = 'pending'
            returning opportunity_id
            """;
    private static final String RETRY = """
            update crm_sync set next_attempt_at = now() + $3 * interval '1 millisecond', attempts = attempts - $4,
                   lease_token = null, leased_until = null, last_error = $5, updated_at = now()
             where lead_id = $1 and lease_token = $2 and state = 'pending'
            """;
    private static final String FAILED = """
            update crm_sync set state = 'failed', lease_token = null, leased_until = null, last_error = $3,
                   updated_at = now()
             where lead_id = $1 and lease_token = $2 and state = 'pending'
            returning attempts
            """;
    private final Pool db;
    private final Connections connections;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final CrmSettings.Sync settings;
    private final RepeatingTask task;
    private final io.vertx.core.Vertx vertx;

    public SyncWorker(Pool db, Connections connections, Outbox outbox, ObjectMapper mapper, MeterRegistry meters,
                      CrmSettings settings, Vertx vertx) {
        this.db = db;
        this.connections = connections;
        this.outbox = outbox;
        this.mapper = mapper;
        this.meters = meters;
        this.settings = settings.sync();
        this.vertx = vertx.getDelegate();
        this.task = new RepeatingTask(vertx.getDelegate(), "crm sync", this.settings.interval(), this::runOnce, LOG);
    }

    void start(@Observes StartupEvent started) {
        task.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        task.stop();
    }

    /**
     * Claims the due jobs and syncs them, {@code concurrency} at a time (the connections' own limits apply on top). A
     * full batch means more are due: the next batch is claimed at once rather than after the interval, so a burst of
     * qualified leads drains at the speed of the CRM, not of the timer.
     */
    public Uni<Integer> runOnce() {
        return runBatch(0);
    }

    private Uni<Integer> runBatch(int doneSoFar) {
        UUID lease = UUID.randomUUID();
        return db.preparedQuery(CLAIM)
                .execute(Tuple.of(lease, settings.lease().toMillis(), settings.batch()))
                .chain(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(doneSoFar);
                    }
                    return Multi.createFrom().iterable(claimed)
                            .onItem().transformToUni(row -> FreshContext.run(vertx, () -> sync(row, lease)).replaceWith(row))
                            .merge(settings.concurrency())
                            .collect().asList()
                            .chain(done -> claimed.size() < settings.batch() ? Uni.createFrom().item(doneSoFar + done.size())
                                    : runBatch(doneSoFar + done.size()));
                });
    }

    private Uni<Void> sync(Row job, UUID lease) {
        UUID leadId = job.getUUID("lead_id");
        // Deferred: a job that cannot even start (an unreadable conversion) fails as this job's Uni. Thrown, it
        // would never complete the run, and the worker would run no more.
        return Uni.createFrom().deferred(() -> {
                    String name = job.getString("connection");
                    if (!connections.has(name)) {
                        // Renamed or removed from the configuration: no attempt can succeed until it is back.
                        return failedUnknown(leadId, lease, name, job.getInteger("attempts"));
                    }
                    Connection connection = connections.named(name);
                    Conversion conversion = read(job.getString("conversion"));
                    SyncLog calls = new SyncLog(leadId, connection.name());
                    Timer.Sample sample = Timer.start(meters);
                    return connection.guard().get(() -> connection.connector().convert(conversion, calls), RECORD)
                            .chain(record -> pauseBeforeCommit().replaceWith(record))
                            .chain(record -> synced(leadId, lease, connection, conversion, record, calls)
                                    .invoke(() -> sample.stop(meters.timer("leadflow.crm.sync", "connection", connection.name(), "outcome", "synced"))))
                            .onFailure().recoverWithUni(failure -> failed(leadId, lease, connection, job.getInteger("attempts"), failure, calls)
                                    .invoke(() -> sample.stop(meters.timer("leadflow.crm.sync", "connection", connection.name(), "outcome", "failed"))));
                })
                .onFailure().invoke(failure -> LOG.warnf("CRM sync of lead %s could not be done or its outcome not "
                        + "recorded (the lease runs out and the sync is tried again): %s", leadId, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** A job of a connection no longer configured: failed (listed, replayable once the connection is back). */
    private Uni<Void> failedUnknown(UUID leadId, UUID lease, String name, int attempts) {
        String error = "connection " + name + " is not configured (leadflow.crm.connections." + name + ".*)";
        LOG.warnf("CRM sync of lead %s failed: %s", leadId, error);
        return db.preparedQuery(FAILED).execute(Tuple.of(leadId, lease, error)).replaceWithVoid();
    }

    private Uni<Void> pauseBeforeCommit() {
        Duration pause = settings.pauseBeforeCommit();
        return pause.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(pause);
    }

    private Uni<Void> synced(UUID leadId, UUID lease, Connection connection, Conversion conversion, CrmRecord record,
                             SyncLog calls) {
        boolean builtin = "builtin".equals(connection.kind());
        String stage = conversion.opportunity().stage() != null ? conversion.opportunity().stage()
                : builtin ? "discovery" : null;
        return db.withTransaction(tx -> tx.preparedQuery(SYNCED)
                .execute(Tuple.tuple(java.util.Arrays.asList(leadId, lease, record.accountId(), record.contactId(),
                        record.opportunityId(), record.opportunityOwnerId(), stage,
                        builtin ? UUID.fromString(record.opportunityId()) : null,
                        OpportunityCreated.leadflowId(connection, "account", record.accountId()),
                        conversion.opportunity().amount())))
                .chain(rows -> {
                    Uni<Void> logged = calls.write(tx);
                    if (rows.rowCount() == 0) {
                        // Another worker took the job over after our lease ran out; it commits, we only log.
                        LOG.infof("CRM sync of lead %s: lease lost before the commit; the newer attempt commits", leadId);
                        return logged;
                    }
                    UUID opportunityId = rows.iterator().next().getUUID("opportunity_id");
                    OpportunityCreated created = OpportunityCreated.synced(opportunityId, connection, conversion, record, stage);
                    return logged.chain(() -> outbox.append(tx, OpportunityCreated.TYPE, leadId, created)).replaceWithVoid();
                }));
    }

    private Uni<Void> failed(UUID leadId, UUID lease, Connection connection, int attempts, Throwable failure,
                             SyncLog calls) {
        Duration retryAfter = null;
        boolean spendsAttempt = true;
        boolean permanent = false;
        String reason;
        if (failure instanceof CrmException crm) {
            retryAfter = crm.retryAfter();
            permanent = !crm.retryable();
            reason = crm.kind().outcome() + ": " + crm.getMessage();
            // The CRM's own limit (HubSpot's 10-second window, Salesforce's daily allocation) says "later", not "never":
            // waiting for it spends no attempt, so a busy day never dead-letters a sync.
            spendsAttempt = crm.kind() != CrmException.Kind.RATE_LIMITED;
        } else if (failure instanceof RateLimitException) {
            // Our own limit for this connection: no call was made, so no attempt is spent.
            spendsAttempt = false;
            reason = "rate limit of connection " + connection.name() + " reached";
        } else if (failure instanceof CircuitBreakerOpenException) {
            spendsAttempt = false;
            reason = "circuit of connection " + connection.name() + " is open";
        } else {
            reason = "transient: " + failure;
        }
        boolean giveUp = permanent || (spendsAttempt && attempts >= connection.maxAttempts());
        String error = SyncLog.truncate(reason, 2000);
        Duration delay = spendsAttempt ? connection.backoff().after(attempts, retryAfter)
                : retryAfter != null ? retryAfter : connection.backoff().first();
        boolean spent = spendsAttempt;
        LOG.warnf("CRM sync of lead %s to %s failed (attempt %d): %s%s", leadId, connection.name(), attempts, reason,
                giveUp ? "; dead-lettered" : "; retried in " + delay);
        return db.withTransaction(tx -> calls.write(tx).chain(() -> giveUp
                ? tx.preparedQuery(FAILED).execute(Tuple.of(leadId, lease, error)).chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().voidItem()
                        : outbox.append(tx, connection.deadLetterAggregate(), CrmSyncFailed.TYPE, leadId,
                                new CrmSyncFailed(connection.name(), connection.kind(), attempts, error)).replaceWithVoid())
                : tx.preparedQuery(RETRY).execute(Tuple.of(leadId, lease, delay.toMillis(), spent ? 0 : 1, error)).replaceWithVoid()));
    }

    private Conversion read(String json) {
        try {
            return mapper.readValue(json.getBytes(StandardCharsets.UTF_8), Conversion.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable conversion: " + e.getMessage(), e);
        }
    }

}
