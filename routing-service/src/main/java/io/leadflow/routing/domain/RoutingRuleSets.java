package io.leadflow.routing.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.routing.rules.RoutingDryRun;
import io.leadflow.routing.rules.RoutingFacts;
import io.leadflow.routing.rules.RoutingRuleSet;
import io.leadflow.routing.rules.RoutingRules;
import io.leadflow.routing.rules.RuleDecision;
import io.leadflow.rules.ParseResult;
import io.leadflow.web.rulesets.RuleSetStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Versioned routing rule sets (table routing_rule_set, kept by the shared {@link RuleSetStore}): drafts RevOps
 * creates (validated first), the active one leads are routed by, and the ones it replaced, kept for roll-back. The
 * shipped {@code default-1} (everything to pool {@code default}) is the first active one. Every replica holds the
 * active rule set compiled in memory ({@link #active()}, {@link #decide}) and reloads it when another became active.
 */
@ApplicationScoped
public class RoutingRuleSets {

    private final Pool db;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final RuleSetStore<RoutingRuleSet> store;

    public RoutingRuleSets(Pool db, Vertx vertx, ObjectMapper mapper) {
        this.db = db;
        this.vertx = vertx;
        this.mapper = mapper;
        this.store = new RuleSetStore<>(db, mapper, "routing_rule_set", "routing rule set", RoutingRules::parse,
                RoutingRuleSet::version, RoutingRules.defaultDefinition());
    }

    void load(@Observes StartupEvent started) {
        store.start(vertx);
    }

    /** The rule set leads are routed by now: pure, microseconds, safe on the event loop. */
    public RoutingRuleSet active() {
        return store.active();
    }

    /** Where the active rule set sends a lead (variant, rule, route, evidence). */
    public RuleDecision decide(RoutingFacts facts) {
        return store.active().decide(facts);
    }

    /** Parses without storing; every error with its JSON path. */
    public ParseResult<RoutingRuleSet> validate(JsonNode definition) {
        return store.validate(definition);
    }

    /** Stores a valid draft; 400 naming every error, 409 when its version exists. */
    public Uni<RuleSetStore.Stored> createDraft(JsonNode definition, String author) {
        return store.createDraft(definition, author);
    }

    public Uni<List<RuleSetStore.Stored>> list() {
        return store.list();
    }

    public Uni<RuleSetStore.Stored> find(String version) {
        return store.find(version);
    }

    /** Makes a version the active one; leads routed from then on follow it, assignments already made stay. */
    public Uni<RuleSetStore.Stored> activate(String version) {
        return store.activate(version);
    }

    /** Re-activates the version that was active before the current one. */
    public Uni<RuleSetStore.Stored> rollback() {
        return store.rollback();
    }

    /**
     * How a version would route the last {@code leads} routed leads (their assignment snapshots, newest first),
     * against the active one, and which pools and SDRs it names that the roster does not have. Nothing is changed.
     */
    public Uni<RoutingDryRun.Report> dryRun(String version, int leads) {
        return store.find(version).chain(found -> {
            RoutingRuleSet draft = store.valid(found.definition());
            Uni<RowSet<Row>> sample = db.preparedQuery("""
                    select lead_id::text as lead_id, lead::text as lead, enrichment::text as enrichment, score::text as score
                    from assignment order by assigned_at desc limit $1""").execute(Tuple.of(leads));
            Uni<RowSet<Row>> pools = db.query("select id from pool").execute();
            Uni<RowSet<Row>> sdrs = db.query("select id from sdr").execute();
            return Uni.combine().all().unis(sample, pools, sdrs).asTuple().map(rows -> {
                List<RoutingFacts> facts = new ArrayList<>();
                for (Row row : rows.getItem1()) {
                    facts.add(RoutingFacts.of(row.getString("lead_id"), json(row.getString("lead")),
                            json(row.getString("enrichment")), json(row.getString("score")), null));
                }
                return RoutingDryRun.compare(store.active(), draft, facts, ids(rows.getItem2()), ids(rows.getItem3()));
            });
        });
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ids(RowSet<Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getString("id")));
        return ids;
    }
}
