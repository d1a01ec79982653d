package io.leadflow.enrichment.repository;

import io.leadflow.enrichment.domain.CompanyFacts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The company reference data the operator loads, by domain (plain SQL: one indexed read on every lead). */
@ApplicationScoped
public class ReferenceCompanies {

    private static final String UPSERT = """
            insert into reference_company (domain, name, industry, employees, revenue, country, loaded_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (domain) do update set name = excluded.name, industry = excluded.industry,
                employees = excluded.employees, revenue = excluded.revenue, country = excluded.country,
                loaded_at = excluded.loaded_at""";

    private final Pool db;

    public ReferenceCompanies(Pool db) {
        this.db = db;
    }

    /** The company of this domain or, failing that, of its parent domains (eu.acme.com is acme.com's). */
    public Uni<Optional<CompanyFacts>> find(String domain) {
        List<String> candidates = new ArrayList<>();
        for (String d = domain; d.indexOf('.') > 0; d = d.substring(d.indexOf('.') + 1)) {
            candidates.add(d);
        }
        return db.preparedQuery("select * from reference_company where domain = any($1) order by length(domain) desc limit 1")
                .execute(Tuple.of(candidates.toArray(String[]::new)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(facts(rows.iterator().next())));
    }

    /** Inserts or replaces these companies, in batches, in one transaction; completes with how many. */
    public Uni<Integer> upsert(Collection<CompanyFacts> companies) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = companies.stream().map(c -> Tuple.from(java.util.Arrays.asList(c.domain(), c.name(),
                c.industry(), c.employees(), c.revenue(), c.country(), now))).toList();
        return SqlBatches.inOneTransaction(db, UPSERT, rows);
    }

    public Uni<Long> count() {
        return db.query("select count(*) from reference_company").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static CompanyFacts facts(Row row) {
        return new CompanyFacts(row.getString("name"), row.getString("domain"), row.getString("industry"),
                row.getString("employees"), row.getString("revenue"), row.getString("country"));
    }
}
