package io.leadflow.routing.domain;

import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.repository.RosterRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The demo roster (three SDRs in the default pool), inserted at start-up when
 * {@code leadflow.routing.seed-demo-roster=true}. Idempotent: rows that exist are left as they are,
 * so a restart never undoes a roster change.
 */
@ApplicationScoped
public class DemoRoster {

    private static final Logger LOG = Logger.getLogger(DemoRoster.class);

    record DemoSdr(String id, String name, String email) {
    }

    static final List<DemoSdr> SDRS = List.of(
            new DemoSdr("sdr-1", "Sam Rivera", "sam.rivera@leadflow.example"),
            new DemoSdr("sdr-2", "Priya Natarajan", "priya.natarajan@leadflow.example"),
            new DemoSdr("sdr-3", "Tomás García", "tomas.garcia@leadflow.example"));

    private final RoutingConfig config;
    private final RosterRepository roster;

    public DemoRoster(RoutingConfig config, RosterRepository roster) {
        this.config = config;
        this.roster = roster;
    }

    // Before the messaging channels start (priority 1000), so the first lead already finds the roster.
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent event) throws Throwable {
        if (!config.seedDemoRoster()) {
            return;
        }
        String poolId = config.defaultPool();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> seed(poolId)));
        LOG.infof("demo roster present in pool %s: %s", poolId, SDRS.stream().map(DemoSdr::id).toList());
    }

    private Uni<Integer> seed(String poolId) {
        Uni<Integer> sdrs = Uni.createFrom().item(0);
        for (DemoSdr sdr : SDRS) {
            sdrs = sdrs.chain(() -> roster.addSdrIfMissing(sdr.id(), sdr.name(), sdr.email()));
        }
        return sdrs.chain(() -> roster.addPoolIfMissing(poolId, "Default pool"))
                .chain(() -> roster.seatIfEmpty(poolId, SDRS.stream().map(DemoSdr::id).toList()));
    }
}
