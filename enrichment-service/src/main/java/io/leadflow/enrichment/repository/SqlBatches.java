package io.leadflow.enrichment.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;

/** Bulk writes (reference data, account imports): one transaction, batched statements of bounded size. */
public final class SqlBatches {

    static final int BATCH = 1_000;

    private SqlBatches() {
    }

    /** Runs {@code sql} for every row, {@value #BATCH} rows per batch, all in one transaction; completes with the count. */
    public static Uni<Integer> inOneTransaction(Pool db, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return db.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<Tuple> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                chain = chain.chain(() -> tx.preparedQuery(sql).executeBatch(batch).replaceWithVoid());
            }
            return chain;
        }).replaceWith(rows.size());
    }
}
