package io.leadflow.crm.sync;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Work after a sync committed (hand-overs, lifecycle pushes) is claimed the same way: one statement takes the due rows
 * with a lease ({@code FOR UPDATE SKIP LOCKED} inside, so replicas split them) and returns them; each is then handled
 * on its own, outside any transaction, one after another.
 */
public final class ClaimedRows {

    private ClaimedRows() {
    }

    /** Runs the claiming statement and the handler on each row it returned; completes with how many there were. */
    public static Uni<Integer> each(Pool db, String claim, Function<Row, Uni<Void>> handler) {
        return db.preparedQuery(claim).execute().chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(row -> handler.apply(row).replaceWith(row))
                    .collect().asList().map(List::size);
        });
    }
}
