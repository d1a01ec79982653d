package io.leadflow.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * Retention jobs: deletes in bounded batches, so a backlog never makes one long transaction, on a Vert.x timer.
 * Used by {@link MessagingJanitor} and by services for their own data.
 */
public final class Retention {

    /** Rows one delete statement removes at most. */
    public static final int BATCH = 5_000;

    private Retention() {
    }

    /**
     * Runs {@code delete} until it removes fewer than {@link #BATCH} rows; completes with how many went. The statement
     * takes the cut-off time as {@code $1} and limits itself to {@link #BATCH} rows, for example
     * {@code delete from t where id in (select id from t where at < $1 limit 5000)}.
     */
    public static Uni<Long> deleteBefore(Pool db, String delete, OffsetDateTime before) {
        return drain(db, delete, before, 0);
    }

    private static Uni<Long> drain(Pool db, String delete, OffsetDateTime before, long deletedSoFar) {
        return db.preparedQuery(delete).execute(Tuple.of(before)).chain(rows -> rows.rowCount() < BATCH
                ? Uni.createFrom().item(deletedSoFar + rows.rowCount())
                : drain(db, delete, before, deletedSoFar + rows.rowCount()));
    }

    /** Runs {@code purge} every {@code interval}; a failure is logged and the next tick tries again. */
    public static void every(Vertx vertx, Duration interval, Supplier<Uni<Long>> purge, Logger log, String what) {
        vertx.setPeriodic(interval.toMillis(), tick -> purge.get().subscribe().with(
                purged -> {
                    if (purged > 0) {
                        log.debugf("purged %d %s", purged, what);
                    }
                },
                failure -> log.warnf("purge of %s failed, retrying at the next tick: %s", what, failure.toString())));
    }
}
