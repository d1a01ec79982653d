package io.leadflow.capture.repository;

import io.leadflow.capture.domain.SecretsAtRest;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * At start-up: checks that the key for webhook secrets at rest is configured (a missing or malformed key stops the
 * service here, with the reason, not at the first delivery), and encrypts the secrets stored before they were
 * encrypted. Idempotent: replicas starting together may both rewrite a row, with the same secret.
 */
@ApplicationScoped
public class WebhookSecretsAtRest {

    private static final Logger LOG = Logger.getLogger(WebhookSecretsAtRest.class);

    private final Pool db;

    public WebhookSecretsAtRest(Pool db) {
        this.db = db;
    }

    public void encryptStoredSecrets(@Observes StartupEvent started) {
        SecretsAtRest.encrypt("key check"); // fails start-up without a usable key
        List<Row> plain = new ArrayList<>();
        db.query("select id, secret, previous_secret from webhook_source").execute()
                .await().atMost(Duration.ofSeconds(30)).forEach(row -> {
                    if (!SecretsAtRest.isEncrypted(row.getString(1))
                            || (row.getString(2) != null && !SecretsAtRest.isEncrypted(row.getString(2)))) {
                        plain.add(row);
                    }
                });
        for (Row row : plain) {
            db.preparedQuery("update webhook_source set secret = $2, previous_secret = $3 where id = $1 and secret = $4")
                    .execute(Tuple.of(row.getString(0), encrypted(row.getString(1)), encrypted(row.getString(2)), row.getString(1)))
                    .await().atMost(Duration.ofSeconds(30));
        }
        if (!plain.isEmpty()) {
            LOG.infof("encrypted the stored secrets of %d webhook source(s)", plain.size());
        }
    }

    private static String encrypted(String stored) {
        return stored == null || SecretsAtRest.isEncrypted(stored) ? stored : SecretsAtRest.encrypt(stored);
    }
}
