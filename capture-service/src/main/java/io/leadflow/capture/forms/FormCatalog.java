package io.leadflow.capture.forms;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured forms, held in memory: every capture, CORS check and rate limit looks its form up
 * without a query. Forms are few and change rarely; each replica reloads them all every
 * {@code leadflow.capture.forms-refresh} (default 5 s), and a change made through this replica is
 * seen by it at once.
 */
@ApplicationScoped
public class FormCatalog {

    private static final Logger LOG = Logger.getLogger(FormCatalog.class);
    private static final String COLUMNS = "id, name, allowed_origins, required_fields, consent_text, consent_version,"
            + " thank_you_url, error_url, default_source, default_medium, default_campaign, rate_limit_per_minute,"
            + " created_at, updated_at";

    private final Pool db;
    private final Vertx vertx;
    /** Saves and deletes made through this replica (guarded by this): tells a reload's snapshot it is stale. */
    private long changes;
    private final Duration refresh;
    private volatile Map<String, Form> forms = Map.of();

    public FormCatalog(Pool db, Vertx vertx, @ConfigProperty(name = "leadflow.capture.forms-refresh", defaultValue = "PT5S") Duration refresh) {
        this.db = db;
        this.vertx = vertx;
        this.refresh = refresh;
    }

    void start(@Observes StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
        vertx.setPeriodic(refresh.toMillis(), tick -> reload().subscribe().with(
                loaded -> { },
                failure -> LOG.warnf("forms not reloaded (the last ones loaded stay in use): %s", failure.getMessage())));
    }

    /** The form, if configured. */
    public Optional<Form> find(String formId) {
        return formId == null ? Optional.empty() : Optional.ofNullable(forms.get(formId));
    }

    /** Whether some configured form lists this origin: a site of ours, whose pages may read engagement answers. */
    public boolean sharesWithAny(String origin) {
        return origin != null && forms.values().stream().anyMatch(form -> form.sharesWith(origin));
    }

    public Uni<List<Form>> list() {
        return reload().map(all -> all.values().stream().sorted(java.util.Comparator.comparing(Form::id)).toList());
    }

    /** Creates or replaces a form; answers the stored form and whether it is new. */
    public Uni<Saved> save(String id, FormDefinition d) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FormDefinition.ConsentText consent = d.consent() == null ? new FormDefinition.ConsentText(null, null) : d.consent();
        FormDefinition.Attribution defaults = d.defaults() == null ? new FormDefinition.Attribution(null, null, null) : d.defaults();
        Tuple values = Tuple.tuple()
                .addString(id).addString(d.name().strip()).addString(String.join("\n", d.allowedOrigins()))
                .addString(String.join(",", d.requiredFields())).addString(consent.text()).addString(consent.version())
                .addString(d.thankYouUrl()).addString(d.errorUrl()).addString(defaults.source())
                .addString(defaults.medium()).addString(defaults.campaign()).addInteger(d.rateLimitPerMinute())
                .addOffsetDateTime(now.atOffset(java.time.ZoneOffset.UTC));
        // xmax = 0 only for a row this statement inserted: tells a creation from a replacement in one round trip.
        return db.preparedQuery("insert into form (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                        + " $12, $13, $13) on conflict (id) do update set name = excluded.name,"
                        + " allowed_origins = excluded.allowed_origins, required_fields = excluded.required_fields,"
                        + " consent_text = excluded.consent_text, consent_version = excluded.consent_version,"
                        + " thank_you_url = excluded.thank_you_url, error_url = excluded.error_url,"
                        + " default_source = excluded.default_source, default_medium = excluded.default_medium,"
                        + " default_campaign = excluded.default_campaign,"
                        + " rate_limit_per_minute = excluded.rate_limit_per_minute, updated_at = excluded.updated_at"
                        + " returning " + COLUMNS + ", (xmax = 0) as created")
                .execute(values)
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Form form = form(row);
                    remember(form);
                    return new Saved(form, row.getBoolean("created"));
                });
    }

    public record Saved(Form form, boolean created) {
    }

    /** Deletes a form; answers whether it existed. Leads already captured through it keep its id. */
    public Uni<Boolean> delete(String id) {
        return db.preparedQuery("delete from form where id = $1").execute(Tuple.of(id)).map(rows -> {
            synchronized (this) {
                Map<String, Form> next = new HashMap<>(forms);
                next.remove(id);
                forms = Map.copyOf(next);
                changes++;
            }
            return rows.rowCount() > 0;
        });
    }

    private synchronized void remember(Form form) {
        Map<String, Form> next = new HashMap<>(forms);
        next.put(form.id(), form);
        forms = Map.copyOf(next);
        changes++;
    }

    /**
     * Reads every form. A snapshot whose query began before a change made through this replica is older than that
     * change: it is not applied (the form just saved would vanish until the next reload), and the next reload, which
     * sees both, is.
     */
    private Uni<Map<String, Form>> reload() {
        long seen;
        synchronized (this) {
            seen = changes;
        }
        return db.query("select " + COLUMNS + " from form").execute().map(rows -> {
            Map<String, Form> loaded = new HashMap<>();
            rows.forEach(row -> loaded.put(row.getString("id"), form(row)));
            synchronized (this) {
                if (changes == seen) {
                    forms = Map.copyOf(loaded);
                }
                return forms;
            }
        });
    }

    private static Form form(Row row) {
        FormDefinition.ConsentText consent = row.getString("consent_text") == null && row.getString("consent_version") == null
                ? null : new FormDefinition.ConsentText(row.getString("consent_text"), row.getString("consent_version"));
        FormDefinition.Attribution defaults = row.getString("default_source") == null && row.getString("default_medium") == null
                && row.getString("default_campaign") == null ? null
                : new FormDefinition.Attribution(row.getString("default_source"), row.getString("default_medium"),
                row.getString("default_campaign"));
        FormDefinition definition = new FormDefinition(row.getString("name"), split(row.getString("allowed_origins"), "\n"),
                split(row.getString("required_fields"), ","), consent, row.getString("thank_you_url"),
                row.getString("error_url"), defaults, row.getInteger("rate_limit_per_minute"));
        return new Form(row.getString("id"), definition, row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }
}
