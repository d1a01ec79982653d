package io.leadflow.crm.outcome;

import io.leadflow.crm.connector.ChangePage;
import io.leadflow.crm.connector.OpportunityChange;
import io.leadflow.crm.sync.Connection;
import io.leadflow.crm.sync.CallerContext;
import io.leadflow.crm.sync.Connections;
import io.leadflow.crm.sync.SyncLog;
import io.leadflow.messaging.scheduling.RepeatingTask;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls each connection that has a {@code poll-interval} for opportunities changed since its cursor (HubSpot's
 * {@code hs_lastmodifieddate}, Salesforce's {@code SystemModstamp}) and applies each change through
 * {@link OutcomeService}, one transaction per change. The cursor moves only past changes applied, so a crash repeats a
 * poll and the repeat changes nothing. The first poll of a connection starts at the time of the poller's first run.
 */
@ApplicationScoped
public class OutcomePoller {

    private static final Logger LOG = Logger.getLogger(OutcomePoller.class);
    private static final TypeLiteral<Uni<ChangePage>> PAGE = new TypeLiteral<>() {
    };
    static final int PAGE_SIZE = 100;

    private final Pool db;
    private final Connections connections;
    private final OutcomeService outcomes;
    private final List<RepeatingTask> tasks = new ArrayList<>();

    public OutcomePoller(Pool db, Connections connections, OutcomeService outcomes, Vertx vertx) {
        this.db = db;
        this.connections = connections;
        this.outcomes = outcomes;
        for (Connection connection : connections.all()) {
            connection.pollInterval().ifPresent(interval -> tasks.add(new RepeatingTask(vertx.getDelegate(),
                    "CRM poll of " + connection.name(), interval, () -> poll(connection), LOG)));
        }
    }

    void start(@Observes StartupEvent started) {
        tasks.forEach(RepeatingTask::start);
    }

    void stop(@Observes ShutdownEvent stopping) {
        tasks.forEach(RepeatingTask::stop);
    }

    /** One poll of one connection: pages until the CRM has nothing newer. Completes with the changes applied. */
    public Uni<Integer> poll(Connection connection) {
        return cursor(connection.name()).chain(since -> page(connection, since, 0));
    }

    private Uni<Integer> page(Connection connection, Instant since, int appliedSoFar) {
        Guard guard = connection.guard();
        SyncLog calls = new SyncLog(null, connection.name());
        java.util.concurrent.Executor onContext = CallerContext.executor();
        // Back on the poll's Vert.x context: the changes are applied in Hibernate Reactive transactions.
        return guard.get(() -> connection.connector().changesSince(since, PAGE_SIZE, calls), PAGE)
                .eventually(() -> calls.write(db))
                .emitOn(onContext)
                .chain(page -> Multi.createFrom().iterable(page.changes())
                        .onItem().transformToUniAndConcatenate(change -> apply(connection, change))
                        .collect().asList()
                        .chain(() -> page.nextSince().isAfter(since) ? saveCursor(connection.name(), page.nextSince())
                                : Uni.createFrom().voidItem())
                        .chain(() -> page.changes().size() >= PAGE_SIZE && page.nextSince().isAfter(since)
                                ? page(connection, page.nextSince(), appliedSoFar + page.changes().size())
                                : Uni.createFrom().item(appliedSoFar + page.changes().size())));
    }

    /** Applies one change in its own transaction. */
    public Uni<OutcomeService.Applied> apply(Connection connection, OpportunityChange change) {
        if (change.leadId() == null) {
            return Uni.createFrom().item(OutcomeService.Applied.UNKNOWN_LEAD);
        }
        return Panache.withTransaction(() -> outcomes.apply(connection.name(), change));
    }

    private Uni<Instant> cursor(String connection) {
        return db.preparedQuery("""
                        insert into crm_poll_cursor (connection, since) values ($1, now())
                        on conflict (connection) do update set since = crm_poll_cursor.since returning since
                        """)
                .execute(Tuple.of(connection))
                .map(rows -> rows.iterator().next().getOffsetDateTime("since").toInstant());
    }

    private Uni<Void> saveCursor(String connection, Instant since) {
        return db.preparedQuery("update crm_poll_cursor set since = $2 where connection = $1")
                .execute(Tuple.of(connection, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))).replaceWithVoid();
    }
}
