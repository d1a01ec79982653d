package io.leadflow.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.config.ScoringConfig;
import io.leadflow.scoring.model.ConversionModel;
import io.leadflow.scoring.model.Evaluation;
import io.leadflow.scoring.model.Factor;
import io.leadflow.scoring.model.FeatureSpec;
import io.leadflow.scoring.model.LeadAttributes;
import io.leadflow.scoring.model.LogisticRegression;
import io.leadflow.scoring.model.ModelJson;
import io.leadflow.scoring.model.Outcome;
import io.leadflow.scoring.model.Training;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.UnprocessableException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learned conversion models: versions kept in conversion_model with their cross-validated metrics, one champion
 * that scores every lead. RevOps trains a challenger on all outcomes known; it becomes champion only when better
 * ({@link Evaluation#compare}). Between trainings the champion learns from each outcome as it arrives (one online step,
 * in the consumer's transaction, on the stored model under a row lock, so replicas never lose an update).
 */
@ApplicationScoped
public class ConversionModels {

    private static final Logger LOG = Logger.getLogger(ConversionModels.class);
    private static final long SEED = 42;

    /** The champion as this replica holds it: version, online updates seen, the model. */
    private record Champion(int version, int updates, ConversionModel model) {
    }

    /** A model's probability for a lead and the factors that weigh most, with the version that said it. */
    public record Conversion(double probability, int modelVersion, List<Factor> factors) {
    }

    /** A stored model version as the API shows it. */
    public record ModelView(int version, String kind, String status, Instant trainedAt, int outcomes, int won, int updates,
                            double auc, double logLoss, double brier, List<Evaluation.Decile> calibration) {
    }

    /** What a training did: the new version, and whether it became champion and why. */
    public record TrainingResult(ModelView model, boolean promoted, String reason) {
    }

    private final Pool db;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final ScoringConfig.Model settings;
    private volatile Champion champion;

    public ConversionModels(Pool db, Vertx vertx, ObjectMapper mapper, ScoringConfig config) {
        this.db = db;
        this.vertx = vertx;
        this.mapper = mapper;
        this.settings = config.model();
    }

    void load(@Observes StartupEvent started) {
        refresh().await().atMost(Duration.ofMinutes(1));
        vertx.setPeriodic(settings.refreshInterval().toMillis(), tick -> refresh().subscribe().with(
                done -> { }, failure -> LOG.warnf("conversion model refresh failed: %s", failure.toString())));
    }

    /** The champion's opinion of a lead, if a model has been trained. */
    public Optional<Conversion> score(Map<String, Object> attributes) {
        Champion current = champion;
        if (current == null) {
            return Optional.empty();
        }
        double p = Math.round(current.model().probability(attributes) * 10_000) / 10_000.0;
        return Optional.of(new Conversion(p, current.version(), current.model().topFactors(attributes, 3)));
    }

    /** The feature set the service learns, with the leakage guard's exclusions. */
    public FeatureSpec spec() {
        return LeadAttributes.spec(new HashSet<>(settings.excludedAttributes().orElse(List.of())), settings.minCount(),
                settings.bins());
    }

    /** Whether a disqualification with this reason is not a lost outcome (configuration). */
    public boolean notLearnt(String disqualificationReason) {
        return settings.disqualificationReasonsNotLearnt().contains(disqualificationReason);
    }

    /**
     * In the consumer's transaction: the champion takes one online step for this outcome. Read and written under the
     * row's lock, so two replicas' outcomes both count.
     */
    public Uni<Void> learn(Map<String, Object> attributes, boolean won) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(version as text) || ':' || model from conversion_model where status = 'champion' for update",
                        String.class).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String row = rows.get(0);
                    int version = Integer.parseInt(row.substring(0, row.indexOf(':')));
                    ConversionModel stored = ModelJson.read(row.substring(row.indexOf(':') + 1));
                    if (!(stored instanceof LogisticRegression lr)) {
                        return Uni.createFrom().voidItem();
                    }
                    LogisticRegression updated = lr.update(attributes, won);
                    return Panache.getSession().chain(session -> session.createNativeQuery("""
                                    update conversion_model set model = :model, updates = updates + 1, updated_at = now()
                                    where version = :version""")
                                    .setParameter("model", ModelJson.write(updated))
                                    .setParameter("version", version)
                                    .executeUpdate())
                            .invoke(() -> champion = new Champion(version, updated.info().updates(), updated))
                            .replaceWithVoid();
                });
    }

    /**
     * Trains a challenger on every outcome known (5-fold cross-validated metrics, then fitted on all) and makes it
     * champion when it is better than the current one, or when there is none.
     */
    public Uni<TrainingResult> train() {
        // One label per lead: won when any of its opportunities was won; lost when they were all lost, or when it has
        // none and an SDR disqualified it for a reason the model learns from.
        return db.preparedQuery("""
                        with label as (
                            select lead_id, bool_or(outcome = 'WON') as won from lead_outcome group by lead_id
                            union all
                            select d.lead_id, false from lead_disqualification d
                            where d.reason <> all($1)
                              and not exists (select 1 from lead_outcome o where o.lead_id = d.lead_id))
                        select s.attributes, l.won from label l join lead_score s on s.lead_id = l.lead_id
                        where s.attributes is not null""")
                .execute(Tuple.of((Object) settings.disqualificationReasonsNotLearnt().toArray(String[]::new)))
                .map(rows -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (Row row : rows) {
                        outcomes.add(new Outcome(attributes(row.getString("attributes")), row.getBoolean("won")));
                    }
                    return outcomes;
                })
                .chain(outcomes -> {
                    long won = outcomes.stream().filter(Outcome::won).count();
                    if (outcomes.size() < settings.minOutcomes() || won < settings.folds() || outcomes.size() - won < settings.folds()) {
                        return Uni.createFrom().failure(new UnprocessableException("not-enough-outcomes", "Training needs at "
                                + "least " + settings.minOutcomes() + " outcomes with at least " + settings.folds() + " won and "
                                + settings.folds() + " lost; there are " + outcomes.size() + " (" + won + " won)."));
                    }
                    // Newton steps on thousands of outcomes: CPU work, off the event loop.
                    return vertx.executeBlocking(() -> Training.train(spec(), outcomes, LogisticRegression.Settings.defaults(),
                            settings.folds(), SEED, Instant.now()));
                })
                .chain(this::store);
    }

    private Uni<TrainingResult> store(Training.Trained trained) {
        Evaluation e = trained.evaluation();
        LogisticRegression model = trained.model();
        return db.withTransaction(tx -> tx.query("select auc, log_loss, brier, outcomes from conversion_model "
                        + "where status = 'champion' for update").execute()
                .chain(champions -> {
                    Evaluation.Comparison comparison = champions.size() == 0
                            ? new Evaluation.Comparison(true, "no champion yet")
                            : Evaluation.compare(evaluation(champions.iterator().next()), e);
                    Uni<Void> retire = comparison.better()
                            ? tx.query("update conversion_model set status = 'retired', updated_at = now() where status = 'champion'")
                                .execute().replaceWithVoid()
                            : Uni.createFrom().voidItem();
                    return retire.chain(() -> tx.preparedQuery("""
                                    insert into conversion_model (kind, status, model, trained_at, outcomes, won, auc, log_loss,
                                        brier, calibration, updated_at)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) returning version""")
                            .execute(Tuple.from(List.of(model.info().kind(), comparison.better() ? "champion" : "challenger",
                                    ModelJson.write(model), model.info().trainedAt().atOffset(ZoneOffset.UTC),
                                    model.info().outcomes(), model.info().won(), e.auc(), e.logLoss(), e.brier(),
                                    json(e.calibration())))))
                            .map(inserted -> new TrainingResult(new ModelView(inserted.iterator().next().getInteger(0),
                                    model.info().kind(), comparison.better() ? "champion" : "challenger",
                                    model.info().trainedAt(), model.info().outcomes(), model.info().won(), 0, e.auc(),
                                    e.logLoss(), e.brier(), e.calibration()), comparison.better(), comparison.reason()));
                }))
                .call(this::refresh);
    }

    /** Makes a kept version champion by hand (RevOps overriding the comparison, or rolling back). */
    public Uni<ModelView> promote(int version) {
        return db.withTransaction(tx -> tx.preparedQuery("select 1 from conversion_model where version = $1")
                        .execute(Tuple.of(version))
                        .chain(found -> found.size() == 0
                                ? Uni.createFrom().failure(new NotFoundException("There is no model version " + version + "."))
                                : tx.query("update conversion_model set status = 'retired', updated_at = now() "
                                        + "where status = 'champion'").execute()
                                .chain(() -> tx.preparedQuery("update conversion_model set status = 'champion', updated_at = now() "
                                        + "where version = $1").execute(Tuple.of(version)))))
                .call(this::refresh)
                .chain(() -> find(version));
    }

    public Uni<List<ModelView>> list() {
        return db.query("select * from conversion_model order by version desc").execute().map(rows -> {
            List<ModelView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    public Uni<ModelView> active() {
        return db.query("select * from conversion_model where status = 'champion'").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("No conversion model has been trained yet: POST /api/v1/scoring/models/train.");
                    }
                    return view(rows.iterator().next());
                });
    }

    private Uni<ModelView> find(int version) {
        return db.preparedQuery("select * from conversion_model where version = $1").execute(Tuple.of(version))
                .map(rows -> view(rows.iterator().next()));
    }

    /** Reloads the champion when another version became champion or it learnt outcomes elsewhere. */
    private Uni<Void> refresh() {
        return db.query("select version, updates, model from conversion_model where status = 'champion'").execute()
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        champion = null;
                        return;
                    }
                    Row row = rows.iterator().next();
                    Champion current = champion;
                    if (current == null || current.version() != row.getInteger("version")
                            || current.updates() != row.getInteger("updates")) {
                        champion = new Champion(row.getInteger("version"), row.getInteger("updates"),
                                ModelJson.read(row.getString("model")));
                    }
                })
                .replaceWithVoid();
    }

    private ModelView view(Row row) {
        return new ModelView(row.getInteger("version"), row.getString("kind"), row.getString("status"),
                row.getOffsetDateTime("trained_at").toInstant(), row.getInteger("outcomes"), row.getInteger("won"),
                row.getInteger("updates"), row.getDouble("auc"), row.getDouble("log_loss"), row.getDouble("brier"),
                calibration(row.getString("calibration")));
    }

    private static Evaluation evaluation(Row row) {
        return new Evaluation(row.getInteger("outcomes"), row.getDouble("auc"), row.getDouble("log_loss"),
                row.getDouble("brier"), List.of());
    }

    private Map<String, Object> attributes(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lead attributes: " + e.getMessage(), e);
        }
    }

    private List<Evaluation.Decile> calibration(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable calibration: " + e.getMessage(), e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
