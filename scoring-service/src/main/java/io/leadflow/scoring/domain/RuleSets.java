package io.leadflow.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.rules.DryRun;
import io.leadflow.scoring.rules.Engagement;
import io.leadflow.scoring.rules.RuleSetParseResult;
import io.leadflow.scoring.rules.ScoringFacts;
import io.leadflow.scoring.rules.ScoringRuleSet;
import io.leadflow.scoring.rules.ScoringRuleSets;
import io.leadflow.web.rulesets.RuleSetStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned rule sets (table rule_set, kept by the shared {@link RuleSetStore}): drafts RevOps creates (validated
 * first), the active one every lead is scored by, and the ones it replaced, kept for roll-back. The shipped default is
 * the first active one. Every replica holds the active rule set in memory and reloads it when another became active.
 * Dry-runs replay the last scored leads, which is scoring's own.
 */
@ApplicationScoped
public class RuleSets {

    /** A stored version as the API shows it; after an activation that asked for it, what re-scoring the leads did. */
    public record Version(String version, String status, Instant createdAt, String createdBy, Instant activatedAt,
                          JsonNode definition, @JsonInclude(JsonInclude.Include.NON_NULL) Rescore rescore) {

        static Version of(RuleSetStore.Stored stored) {
            return new Version(stored.version(), stored.status(), stored.createdAt(), stored.createdBy(),
                    stored.activatedAt(), stored.definition(), null);
        }

        public Version withRescore(Rescore done) {
            return new Version(version, status, createdAt, createdBy, activatedAt, definition, done);
        }
    }

    private final Pool db;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final RuleSetStore<ScoringRuleSet> store;

    public RuleSets(Pool db, Vertx vertx, ObjectMapper mapper) {
        this.db = db;
        this.vertx = vertx;
        this.mapper = mapper;
        this.store = new RuleSetStore<>(db, mapper, "rule_set", "rule set", ScoringRuleSets::parse,
                ScoringRuleSet::version, shippedDefault());
    }

    void load(@Observes StartupEvent started) {
        store.start(vertx);
    }

    /** See {@link RuleSetStore#installShipped}. */
    Uni<Void> installShipped(String version, String definition) {
        return store.installShipped(version, definition);
    }

    /** The rule set leads are scored by now. */
    public ScoringRuleSet active() {
        return store.active();
    }

    /** Parses without storing; every error with its JSON path. */
    public RuleSetParseResult validate(JsonNode definition) {
        return ScoringRuleSets.parse(definition);
    }

    /** Stores a valid draft; 400 naming every error, 409 when its version exists. */
    public Uni<Version> createDraft(JsonNode definition, String author) {
        return store.createDraft(definition, author).map(Version::of);
    }

    public Uni<List<Version>> list() {
        return store.list().map(versions -> versions.stream().map(Version::of).toList());
    }

    public Uni<Version> find(String version) {
        return store.find(version).map(Version::of);
    }

    /**
     * Makes a draft or a retired version the active one (the previous active one is retired). Scores already given
     * stay: leads are scored by the new version from their next signal on.
     */
    public Uni<Version> activate(String version) {
        return store.activate(version).map(Version::of);
    }

    /** Re-activates the version that was active before the current one. */
    public Uni<Version> rollback() {
        return store.rollback().map(Version::of);
    }

    /**
     * How a version would score the last {@code leads} scored leads, against the active one: grade and temperature
     * distributions, and the leads that would cross above or fall below the MQL threshold. Nothing is changed.
     */
    public Uni<DryRun.Report> dryRun(String version, int leads) {
        return store.find(version).chain(found -> {
            ScoringRuleSet draft = store.valid(found.definition());
            // Each lead with its engagements, at its own event time: as the consumer scored it.
            return db.preparedQuery("""
                            select s.lead_id, s.facts, coalesce(json_agg(json_build_object('id', e.engagement_id, 'type', e.type,
                                   'at', e.occurred_at)) filter (where e.engagement_id is not null), '[]')::text as engagements
                            from (select lead_id, facts, scored_at from lead_score where facts is not null
                                  order by scored_at desc limit $1) s
                            left join lead_engagement e on e.lead_id = s.lead_id
                            group by s.lead_id, s.facts, s.scored_at order by s.scored_at desc""")
                    .execute(Tuple.of(leads))
                    .map(rows -> {
                        List<DryRun.Lead> sample = new ArrayList<>();
                        for (Row row : rows) {
                            sample.add(DryRun.Lead.asScored(row.getUUID("lead_id").toString(),
                                    ScoringFacts.parse(row.getString("facts")), engagements(row.getString("engagements"))));
                        }
                        return DryRun.compare(store.active(), draft, sample, Instant.now());
                    });
        });
    }

    private List<Engagement> engagements(String json) {
        try {
            List<Engagement> out = new ArrayList<>();
            for (JsonNode e : mapper.readTree(json)) {
                out.add(new Engagement(e.get("id").asText(), e.get("type").asText(),
                        OffsetDateTime.parse(e.get("at").asText()).toInstant()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shippedDefault() {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(ScoringRuleSets.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
