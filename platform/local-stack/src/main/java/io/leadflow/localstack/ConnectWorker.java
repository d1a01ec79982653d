package io.leadflow.localstack;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;

/** A one-worker Kafka Connect cluster in distributed mode (what Strimzi runs in production), in this JVM. */
final class ConnectWorker implements AutoCloseable {

    private final Connect<?> connect;
    private final String url;

    private ConnectWorker(Connect<?> connect, String url) {
        this.connect = connect;
        this.url = url;
    }

    static ConnectWorker start(String bootstrapServers, int port) {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "leadflow-connect");
        p.put("config.storage.topic", "leadflow-connect-configs");
        p.put("offset.storage.topic", "leadflow-connect-offsets");
        p.put("status.storage.topic", "leadflow-connect-status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "5");
        p.put("status.storage.partitions", "5");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("listeners", "http://localhost:" + port);
        p.put("rest.advertised.host.name", "localhost");
        p.put("rest.advertised.port", Integer.toString(port));
        p.put("plugin.discovery", "service_load");        // the default classpath scan costs ~14 s
        p.put("offset.flush.interval.ms", "1000");        // a restarted stack resumes close to where it stopped
        p.put("connector.client.config.override.policy", "All"); // connector files set producer.override.linger.ms
        // A restarted persistent stack is a new member: reassign the old member's connectors at once instead of
        // waiting up to 5 minutes for it to come back.
        p.put("scheduled.rebalance.max.delay.ms", "0");
        // startConnect() calls System.exit on failure: turn that into an exception while it runs.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka Connect failed to start (exit " + code + "): " + message);
        });
        // Connect adds its own shutdown hook, which would race the stack's: Connect must stop BEFORE the broker,
        // or it hangs for a minute and leaves a member behind that delays the next start's rebalance.
        Exit.setShutdownHookAdder((name, hook) -> { });
        try {
            Connect<?> connect = new ConnectDistributed().startConnect(p);
            return new ConnectWorker(connect, "http://localhost:" + port);
        } finally {
            Exit.resetExitProcedure();
            Exit.resetShutdownHookAdder();
        }
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
