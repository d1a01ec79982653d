package io.leadflow.crm.sync;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Checks at start-up that every connection's dead-letter topic exists. Topics are created explicitly (auto-create is
 * off), and Debezium cannot relay a CrmSyncFailed to a topic that does not exist: its task would fail and hold up every
 * event of this service. A connection without its topic therefore stops the start, naming the topic to create.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);

    private final Connections connections;
    private final String bootstrap;

    public DeadLetterTopics(Connections connections, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.connections = connections;
        this.bootstrap = bootstrap;
    }

    void check(@Observes StartupEvent started) {
        Set<String> existing;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Kafka not reachable yet: the consumers will say so; the topics are checked at the next start.
            LOG.warnf("could not list Kafka topics to check the CRM dead-letter topics: %s", e.toString());
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Connection connection : connections.all()) {
            String topic = "leads." + connection.deadLetterAggregate() + ".v1";
            if (!existing.contains(topic)) {
                missing.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("CRM connections need their dead-letter topics; create " + missing
                    + " (deploy/kafka/topics.json) before starting crm-sync-service");
        }
    }
}
