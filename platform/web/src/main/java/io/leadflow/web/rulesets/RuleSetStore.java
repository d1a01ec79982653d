package io.leadflow.web.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.rules.ParseResult;
import io.leadflow.web.ConflictException;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Versioned rule sets of one kind in one table of the service's database: drafts RevOps creates (validated
 * first), the one active version the service decides by, and the versions it replaced (retired, kept for
 * roll-back). The shipped default is the first active version; a later release's shipped version arrives as a
 * draft. Every replica holds the active rule set compiled in memory and reloads it when another became active
 * (at once on the replica that activated it, within {@link #REFRESH} on the others).
 *
 * <p>The table (one per service, created by the service's migration):
 * <pre>
 * version varchar(64) primary key, status varchar(16) ('draft', 'active', 'retired'), definition text,
 * created_at timestamptz, created_by varchar(200), activated_at timestamptz;
 * unique index on (status) where status = 'active'
 * </pre>
 *
 * @param <T> the compiled rule set
 */
public final class RuleSetStore<T> {

    /** How often every replica looks for another active version. */
    public static final Duration REFRESH = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(RuleSetStore.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,63}");

    /** A stored version as the admin APIs show it. */
    public record Stored(String version, String status, Instant createdAt, String createdBy, Instant activatedAt,
                         JsonNode definition) {
    }

    private final Pool db;
    private final ObjectMapper mapper;
    private final String table;
    private final String noun;
    private final Function<JsonNode, ParseResult<T>> parser;
    private final Function<T, String> versionOf;
    private final String shippedDefinition;
    private final String shippedVersion;
    private volatile T active;
    private volatile String activeDefinition = "";

    /**
     * @param table             the table, e.g. {@code rule_set}
     * @param noun              what the messages call a version, e.g. {@code routing rule set}
     * @param parser            validates and compiles a definition, naming every error by JSON path
     * @param versionOf         the version of a compiled rule set
     * @param shippedDefinition the JSON of the shipped default: the first active version, and the active one
     *                          until the database answered
     */
    public RuleSetStore(Pool db, ObjectMapper mapper, String table, String noun, Function<JsonNode, ParseResult<T>> parser,
                        Function<T, String> versionOf, String shippedDefinition) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.db = db;
        this.mapper = mapper;
        this.table = table;
        this.noun = noun;
        this.parser = parser;
        this.versionOf = versionOf;
        this.shippedDefinition = shippedDefinition;
        this.active = parser.apply(readTree(shippedDefinition)).orElseThrow();
        this.shippedVersion = versionOf.apply(active);
    }

    /**
     * At start-up: stores the shipped default (see {@link #installShipped}), loads the active version, and from then
     * on reloads it every {@link #REFRESH}. Blocks until loaded (at most a minute).
     */
    public void start(Vertx vertx) {
        installShipped(shippedVersion, shippedDefinition).chain(this::refresh).await().atMost(Duration.ofMinutes(1));
        vertx.setPeriodic(REFRESH.toMillis(), tick -> refresh().subscribe().with(done -> { },
                failure -> LOG.warnf("%s refresh failed: %s", noun, failure.toString())));
    }

    /**
     * The first start: the shipped version becomes the active one. A later release's shipped version arrives as a
     * draft beside what RevOps runs, to dry-run and activate when they choose; a version already stored is left alone.
     */
    public Uni<Void> installShipped(String version, String definition) {
        return db.preparedQuery("insert into " + table + " (version, status, definition, created_at, created_by, "
                        + "activated_at) select $1, case when exists (select 1 from " + table + ") then 'draft' "
                        + "else 'active' end, $2, now(), 'leadflow', case when exists (select 1 from " + table
                        + ") then null else now() end on conflict (version) do nothing")
                .execute(Tuple.of(version, definition)).replaceWithVoid();
    }

    /** The rule set in force now. */
    public T active() {
        return active;
    }

    /** Parses without storing; every error with its JSON path. */
    public ParseResult<T> validate(JsonNode definition) {
        return parser.apply(definition);
    }

    /** The compiled rule set; {@link InvalidRequestException} (400) naming every error by its JSON path. */
    public T valid(JsonNode definition) {
        ParseResult<T> parsed = parser.apply(definition);
        if (!parsed.valid()) {
            throw new InvalidRequestException(parsed.errors().stream()
                    .map(e -> new FieldError(e.path(), e.message())).toList());
        }
        return parsed.orElseThrow();
    }

    /** Stores a valid draft; 400 naming every error, 409 when its version exists. */
    public Uni<Stored> createDraft(JsonNode definition, String author) {
        String version = versionOf.apply(valid(definition));
        return db.preparedQuery("insert into " + table + " (version, status, definition, created_at, created_by) "
                        + "values ($1, 'draft', $2, now(), $3) on conflict (version) do nothing")
                .execute(Tuple.of(version, definition.toString(), author))
                .chain(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().failure(new ConflictException(capitalised(noun) + " version " + version
                                + " exists; give the draft a new version."))
                        : find(version));
    }

    /** Every version, newest first. */
    public Uni<List<Stored>> list() {
        return db.query("select * from " + table + " order by created_at desc").execute().map(rows -> {
            List<Stored> versions = new ArrayList<>();
            rows.forEach(row -> versions.add(view(row)));
            return versions;
        });
    }

    /** One version; 404 when unknown. */
    public Uni<Stored> find(String version) {
        return db.preparedQuery("select * from " + table + " where version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("There is no " + noun + " " + version + ".");
                    }
                    return view(rows.iterator().next());
                });
    }

    /** Makes a draft or a retired version the active one (the previous active one is retired); 404 when unknown. */
    public Uni<Stored> activate(String version) {
        return find(version).chain(found -> {
            if ("active".equals(found.status())) {
                return Uni.createFrom().item(found);
            }
            return db.withTransaction(tx -> tx.query("update " + table + " set status = 'retired' where status = 'active'")
                            .execute()
                            .chain(() -> tx.preparedQuery("update " + table + " set status = 'active', activated_at = now() "
                                    + "where version = $1").execute(Tuple.of(version))))
                    .chain(this::refresh)
                    .chain(() -> find(version));
        });
    }

    /** Re-activates the version that was active before the current one; 409 when there is none. */
    public Uni<Stored> rollback() {
        return db.query("select version from " + table + " where status = 'retired' and activated_at is not null "
                        + "order by activated_at desc limit 1").execute()
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new ConflictException("No earlier " + noun + " to roll back to."));
                    }
                    return activate(rows.iterator().next().getString("version"));
                });
    }

    /** Reloads the active version when it is not the one in memory. */
    public Uni<Void> refresh() {
        return db.query("select definition from " + table + " where status = 'active'").execute()
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        String definition = rows.iterator().next().getString("definition");
                        if (!definition.equals(activeDefinition)) {
                            active = parser.apply(readTree(definition)).orElseThrow();
                            activeDefinition = definition;
                        }
                    }
                })
                .replaceWithVoid();
    }

    private Stored view(Row row) {
        return new Stored(row.getString("version"), row.getString("status"), instant(row.getOffsetDateTime("created_at")),
                row.getString("created_by"), instant(row.getOffsetDateTime("activated_at")),
                readTree(row.getString("definition")));
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(Objects.requireNonNull(json, "definition"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
