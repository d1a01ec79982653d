package io.leadflow.sla.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.rules.ParseResult;
import io.leadflow.sla.config.SlaConfig;
import io.leadflow.web.rulesets.RuleSetStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SLA policy sets as data (table sla_policy_set, kept by the shared {@link RuleSetStore}): drafts RevOps
 * creates (validated first), the active set every new clock is started by, and the sets it replaced, kept for
 * roll-back. The shipped set ({@code leadflow.sla.policies}) is the first active one. A running clock keeps the
 * deadline it was started with when another set becomes active.
 */
@ApplicationScoped
public class SlaPolicies {

    private final Vertx vertx;
    private final RuleSetStore<SlaPolicySet> store;

    public SlaPolicies(Pool db, Vertx vertx, ObjectMapper mapper, SlaConfig config) {
        this.vertx = vertx;
        this.store = new RuleSetStore<>(db, mapper, "sla_policy_set", "SLA policy set", SlaPolicySets::parse,
                SlaPolicySet::version, shipped(config.policies()));
    }

    // Before the consumers and the breach scan start: they decide by the active set.
    void load(@Observes @Priority(10) StartupEvent started) {
        store.start(vertx);
    }

    /** The policy set new clocks are started by. */
    public SlaPolicySet active() {
        return store.active();
    }

    public ParseResult<SlaPolicySet> validate(JsonNode definition) {
        return store.validate(definition);
    }

    public Uni<RuleSetStore.Stored> createDraft(JsonNode definition, String author) {
        return store.createDraft(definition, author);
    }

    public Uni<List<RuleSetStore.Stored>> list() {
        return store.list();
    }

    public Uni<RuleSetStore.Stored> find(String version) {
        return store.find(version);
    }

    public Uni<RuleSetStore.Stored> activate(String version) {
        return store.activate(version);
    }

    public Uni<RuleSetStore.Stored> rollback() {
        return store.rollback();
    }

    /** The shipped set: a class-path resource, or a file when the setting is a path that exists. */
    static String shipped(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = SlaPolicies.class.getClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IllegalStateException("leadflow.sla.policies: no file or class-path resource " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("leadflow.sla.policies: cannot read " + location, e);
        }
    }
}
