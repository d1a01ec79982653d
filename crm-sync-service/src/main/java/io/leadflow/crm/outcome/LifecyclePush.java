package io.leadflow.crm.outcome;

import io.leadflow.crm.sync.ClaimedRows;
import io.leadflow.crm.sync.Connection;
import io.leadflow.crm.sync.Connections;
import io.leadflow.crm.sync.SyncLog;
import io.leadflow.messaging.scheduling.RepeatingTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/**
 * Keeps the contact's lifecycle stage in the CRM in step with the deal: a won deal makes its contact a customer there
 * too (the contact became {@code opportunity} when the deal was created). After the outcome committed, outside any
 * transaction, through the connection's guard; the CRM calls go to the sync log. A failed push is tried again a
 * minute later. The lifecycle only moves forward in the CRM ({@code FieldOwnership}).
 */
@ApplicationScoped
public class LifecyclePush {

    private static final Logger LOG = Logger.getLogger(LifecyclePush.class);
    private static final TypeLiteral<Uni<Void>> VOID = new TypeLiteral<>() {
    };
    private static final String CLAIM = """
            update crm_sync set leased_until = now() + interval '60 seconds'
             where lead_id in (select lead_id from crm_sync
                                where state = 'synced' and crm <> 'builtin' and crm_contact_id is not null
                                  and lifecycle = 'customer' and lifecycle_pushed is distinct from lifecycle
                                  and (leased_until is null or leased_until < now())
                                limit 20 for update skip locked)
            returning lead_id, connection, crm_contact_id, lifecycle
            """;

    private final Pool db;
    private final Connections connections;
    private final RepeatingTask task;

    public LifecyclePush(Pool db, Connections connections, Vertx vertx) {
        this.db = db;
        this.connections = connections;
        this.task = new RepeatingTask(vertx.getDelegate(), "CRM lifecycle push", Duration.ofSeconds(1), this::runOnce, LOG);
    }

    void start(@Observes StartupEvent started) {
        task.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        task.stop();
    }

    public Uni<Integer> runOnce() {
        return ClaimedRows.each(db, CLAIM, this::push);
    }

    private Uni<Void> push(Row row) {
        UUID leadId = row.getUUID("lead_id");
        Connection connection = connections.named(row.getString("connection"));
        String lifecycle = row.getString("lifecycle");
        SyncLog calls = new SyncLog(leadId, connection.name());
        return connection.guard().get(() -> connection.connector().updateLifecycle(row.getString("crm_contact_id"),
                        lifecycle, calls), VOID)
                .chain(() -> calls.write(db).chain(() -> db.preparedQuery(
                                "update crm_sync set lifecycle_pushed = $2, leased_until = null, updated_at = now() where lead_id = $1")
                        .execute(Tuple.of(leadId, lifecycle))).replaceWithVoid())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("lifecycle %s of lead %s not pushed to %s, retried: %s", lifecycle, leadId,
                            connection.name(), failure.toString());
                    return calls.write(db);
                });
    }
}
