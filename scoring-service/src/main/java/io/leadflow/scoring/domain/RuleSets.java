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
import io.leadflow.web.ConflictException;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned rule sets (table rule_set): drafts RevOps creates (validated first), the active one every lead is scored
 * by, and the ones it replaced, kept for roll-back. The shipped default is the first active one. Every replica holds the
 * active rule set in memory and reloads it when another became active.
 */
@ApplicationScoped
public class RuleSets {

    private static final Logger LOG = Logger.getLogger(RuleSets.class);

    /** A stored version as the API shows it; after an activation that asked for it, what re-scoring the leads did. */
    public record Version(String version, String status, Instant createdAt, String createdBy, Instant activatedAt,
                          JsonNode definition, @JsonInclude(JsonInclude.Include.NON_NULL) Rescore rescore) {

        public Version withRescore(Rescore done) {
            return new Version(version, status, createdAt, createdBy, activatedAt, definition, done);
        }
    }

    private final Pool db;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private volatile ScoringRuleSet active = ScoringRuleSets.defaultRuleSet();
    private volatile String activeDefinition = "";

    public RuleSets(Pool db, Vertx vertx, ObjectMapper mapper) {
        this.db = db;
        this.vertx = vertx;
        this.mapper = mapper;
    }

    void load(@Observes StartupEvent started) {
        installShipped(ScoringRuleSets.defaultRuleSet().version(), shippedDefault())
                .chain(this::refresh).await().atMost(Duration.ofMinutes(1));
        vertx.setPeriodic(10_000, tick -> refresh().subscribe().with(done -> { },
                failure -> LOG.warnf("rule-set refresh failed: %s", failure.toString())));
    }

    /**
     * The first start: the shipped rule set becomes the active one. A later release's shipped version arrives as a
     * draft beside what RevOps runs, to dry-run and activate when they choose; a version already stored is left alone.
     */
    Uni<Void> installShipped(String version, String definition) {
        return db.preparedQuery("""
                        insert into rule_set (version, status, definition, created_at, created_by, activated_at)
                        select $1, case when exists (select 1 from rule_set) then 'draft' else 'active' end, $2, now(),
                               'leadflow', case when exists (select 1 from rule_set) then null else now() end
                        on conflict (version) do nothing""")
                .execute(Tuple.of(version, definition)).replaceWithVoid();
    }

    /** The rule set leads are scored by now. */
    public ScoringRuleSet active() {
        return active;
    }

    /** Parses without storing; every error with its JSON path. */
    public RuleSetParseResult validate(JsonNode definition) {
        return ScoringRuleSets.parse(definition);
    }

    /** Stores a valid draft; 400 naming every error, 409 when its version exists. */
    public Uni<Version> createDraft(JsonNode definition, String author) {
        ScoringRuleSet parsed = valid(definition);
        return db.preparedQuery("""
                        insert into rule_set (version, status, definition, created_at, created_by)
                        values ($1, 'draft', $2, now(), $3) on conflict (version) do nothing""")
                .execute(Tuple.of(parsed.version(), definition.toString(), author))
                .chain(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().failure(new ConflictException("Rule set version " + parsed.version()
                                + " exists; give the draft a new version."))
                        : find(parsed.version()));
    }

    public Uni<List<Version>> list() {
        return db.query("select * from rule_set order by created_at desc").execute().map(rows -> {
            List<Version> versions = new ArrayList<>();
            rows.forEach(row -> versions.add(view(row)));
            return versions;
        });
    }

    public Uni<Version> find(String version) {
        return db.preparedQuery("select * from rule_set where version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("There is no rule set " + version + ".");
                    }
                    return view(rows.iterator().next());
                });
    }

    /**
     * Makes a draft or a retired version the active one (the previous active one is retired). Scores already given
     * stay: leads are scored by the new version from their next signal on.
     */
    public Uni<Version> activate(String version) {
        return find(version).chain(found -> {
            if ("active".equals(found.status())) {
                return Uni.createFrom().item(found);
            }
            return db.withTransaction(tx -> tx.query("update rule_set set status = 'retired' where status = 'active'").execute()
                            .chain(() -> tx.preparedQuery("update rule_set set status = 'active', activated_at = now() "
                                    + "where version = $1").execute(Tuple.of(version))))
                    .chain(this::refresh)
                    .chain(() -> find(version));
        });
    }

    /** Re-activates the version that was active before the current one. */
    public Uni<Version> rollback() {
        return db.query("select version from rule_set where status = 'retired' and activated_at is not null "
                        + "order by activated_at desc limit 1").execute()
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new ConflictException("No earlier rule set to roll back to."));
                    }
                    return activate(rows.iterator().next().getString("version"));
                });
    }

    /**
     * How a version would score the last {@code leads} scored leads, against the active one: grade and temperature
     * distributions, and the leads that would cross above or fall below the MQL threshold. Nothing is changed.
     */
    public Uni<DryRun.Report> dryRun(String version, int leads) {
        return find(version).chain(found -> {
            ScoringRuleSet draft = valid(found.definition());
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
                        return DryRun.compare(active, draft, sample, Instant.now());
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

    private ScoringRuleSet valid(JsonNode definition) {
        RuleSetParseResult parsed = ScoringRuleSets.parse(definition);
        if (!parsed.valid()) {
            throw new InvalidRequestException(parsed.errors().stream()
                    .map(e -> new FieldError(e.path(), e.message())).toList());
        }
        return parsed.orElseThrow();
    }

    private Uni<Void> refresh() {
        return db.query("select definition from rule_set where status = 'active'").execute()
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        String definition = rows.iterator().next().getString("definition");
                        if (!definition.equals(activeDefinition)) {
                            active = ScoringRuleSets.parse(definition).orElseThrow();
                            activeDefinition = definition;
                        }
                    }
                })
                .replaceWithVoid();
    }

    private Version view(Row row) {
        try {
            return new Version(row.getString("version"), row.getString("status"), instant(row.getOffsetDateTime("created_at")),
                    row.getString("created_by"), instant(row.getOffsetDateTime("activated_at")),
                    mapper.readTree(row.getString("definition")), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String shippedDefault() {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(ScoringRuleSets.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
