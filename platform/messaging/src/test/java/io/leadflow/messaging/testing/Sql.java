package io.leadflow.messaging.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;

/** What the services' tests read from their database: one statement on the reactive pool, awaited with a deadline. */
public final class Sql {

    /** Long enough for a loaded CI machine; a statement that takes longer is a failure worth seeing. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Sql() {
    }

    /** The rows of {@code sql} with positional parameters ($1, $2, ...). */
    public static List<Row> rows(Pool db, String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(DEADLINE).stream().toList();
    }
}
