package io.leadflow.crm.sync;

import io.leadflow.crm.connector.CallLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The calls a connector made for one lead, collected while it works (from any thread) and written to
 * {@code crm_sync_log} in the transaction that records the outcome.
 */
public final class SyncLog implements CallLog {

    private static final String INSERT = """
            insert into crm_sync_log (lead_id, connection, operation, method, path, request_id, status, outcome,
                                      latency_ms, error, at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
            """;

    private final UUID leadId;
    private final String connection;
    private final List<CrmCall> calls = Collections.synchronizedList(new ArrayList<>());

    public SyncLog(UUID leadId, String connection) {
        this.leadId = leadId;
        this.connection = connection;
    }

    @Override
    public void record(CrmCall call) {
        calls.add(call);
    }

    /** Writes the calls collected so far (on the caller's connection or transaction) and forgets them. */
    public Uni<Void> write(SqlClient db) {
        List<Tuple> rows;
        synchronized (calls) {
            rows = calls.stream().map(call -> Tuple.tuple(Arrays.asList(leadId, connection, call.operation(),
                    call.method(), truncate(call.path(), 500), truncate(call.requestId(), 100), call.status(),
                    call.outcome(), call.latencyMillis(), truncate(call.error(), 2000)))).toList();
            calls.clear();
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : db.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
