package io.leadflow.enrichment.accounts;

import io.leadflow.enrichment.config.EnrichmentConfig;
import io.leadflow.enrichment.domain.Account;
import io.leadflow.enrichment.domain.AccountIndex;
import io.leadflow.enrichment.domain.AccountLookup;
import io.leadflow.enrichment.domain.AccountMatch;
import io.leadflow.enrichment.repository.SqlBatches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The known accounts (table account) and the in-memory {@link AccountIndex} every lead is matched against. The index
 * is rebuilt off the event loop when the table changed: at once after this replica's own imports, and every
 * {@code accounts.refresh-interval} for what other replicas and the CRM consumer wrote. Until a rebuild finishes, the
 * previous index answers.
 */
@ApplicationScoped
public class AccountBook {

    private static final Logger LOG = Logger.getLogger(AccountBook.class);
    private static final String UPSERT = """
            insert into account (id, name, domains, country, owner_id, source, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (id) do update set name = excluded.name, domains = excluded.domains, country = excluded.country,
                owner_id = excluded.owner_id, source = excluded.source, updated_at = excluded.updated_at""";

    private final Pool db;
    private final Vertx vertx;
    private final Duration refreshInterval;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile AccountIndex index = new AccountIndex(List.of());
    private volatile String loadedSignature = "";

    public AccountBook(Pool db, Vertx vertx, EnrichmentConfig config) {
        this.db = db;
        this.vertx = vertx;
        this.refreshInterval = config.accounts().refreshInterval();
    }

    void load(@Observes StartupEvent started) {
        refresh().await().atMost(Duration.ofMinutes(5));
        vertx.setPeriodic(refreshInterval.toMillis(), tick -> refresh().subscribe().with(
                done -> { }, failure -> LOG.warnf("account book refresh failed, retrying at the next tick: %s", failure.toString())));
    }

    /** The account this lead belongs to, if one matches surely enough. */
    public Optional<AccountMatch> match(String companyDomain, String companyName, String country) {
        return index.match(companyDomain, companyName, country);
    }

    /** The whole answer: matched, ambiguous (with the rivals) or none. */
    public AccountLookup lookup(String companyDomain, String companyName, String country) {
        return index.lookup(companyDomain, companyName, country);
    }

    public int size() {
        return index.size();
    }

    /** Inserts or replaces these accounts in one transaction, then rebuilds the index; completes with how many. */
    public Uni<Integer> upsert(List<Account> accounts, String source) {
        List<Tuple> rows = accounts.stream().map(a -> tuple(a, source)).toList();
        return SqlBatches.inOneTransaction(db, UPSERT, rows)
                .chain(this::refresh)
                .replaceWith(rows.size());
    }

    /** In the caller's Hibernate transaction (a consumer's inbox transaction): one account learnt from the CRM. */
    public Uni<Void> upsertInTransaction(Account account, String source) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into account (id, name, domains, country, owner_id, source, updated_at)
                        values (:id, :name, string_to_array(:domains, ' '), :country, :owner, :source, now())
                        on conflict (id) do update set name = coalesce(excluded.name, account.name),
                            domains = (select array(select distinct unnest(account.domains || excluded.domains))),
                            country = coalesce(excluded.country, account.country),
                            owner_id = coalesce(excluded.owner_id, account.owner_id), updated_at = now()""")
                        .setParameter("id", account.id())
                        .setParameter("name", account.name())
                        .setParameter("domains", String.join(" ", account.domains()))
                        .setParameter("country", account.country())
                        .setParameter("owner", account.ownerId())
                        .setParameter("source", source)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Optional<Account>> find(String id) {
        return db.preparedQuery("select * from account where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
    }

    /** Rebuilds the index when the table changed since the last build (one rebuild at a time). */
    public Uni<Void> refresh() {
        return signature(db).chain(signature -> {
            if (signature.equals(loadedSignature) || !refreshing.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            return db.query("select * from account").execute()
                    .map(rows -> {
                        List<Account> accounts = new ArrayList<>(rows.size());
                        rows.forEach(row -> accounts.add(account(row)));
                        return accounts;
                    })
                    // Building takes about 10 us per account: off the event loop.
                    .chain(accounts -> vertx.executeBlocking(() -> new AccountIndex(accounts)))
                    .invoke(built -> {
                        index = built;
                        loadedSignature = signature;
                        LOG.debugf("account book: %d accounts indexed", built.size());
                    })
                    .eventually(() -> refreshing.set(false))
                    .replaceWithVoid();
        });
    }

    private static Uni<String> signature(SqlClient db) {
        return db.query("select count(*), max(updated_at) from account").execute().map(rows -> {
            Row row = rows.iterator().next();
            return row.getLong(0) + "/" + row.getValue(1);
        });
    }

    private static Tuple tuple(Account a, String source) {
        return Tuple.from(Arrays.asList(a.id(), a.name(), a.domains().toArray(String[]::new), a.country(), a.ownerId(),
                source, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static Account account(Row row) {
        return new Account(row.getString("id"), row.getString("name"),
                new LinkedHashSet<>(Arrays.asList(row.getArrayOfStrings("domains"))), row.getString("country"),
                row.getString("owner_id"));
    }
}
