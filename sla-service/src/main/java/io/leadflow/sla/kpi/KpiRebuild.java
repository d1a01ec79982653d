package io.leadflow.sla.kpi;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recomputes every rollup row from kpi_lead in one transaction: after a change to a KPI definition, or to load a
 * read model filled by other means (the 1M-lead benchmark). The rollups then hold each lead under every dimension
 * value it has now (the incremental model counts a value learned late without the histograms and durations of the
 * stages before it). The bucket formula is {@link SpeedHistogram#bucketOf}'s.
 */
@ApplicationScoped
public class KpiRebuild {

    static final String BUCKET = "case when %1$s <= 0.1 then 0 else least(79, greatest(0, "
            + "ceil(ln(%1$s / 0.1) / ln(1.25) - 1e-9)))::int end";

    private static final String DIMENSIONS = """
            create temporary table kpi_dims on commit drop as
            select l.*, x.dim, x.key,
                   extract(epoch from l.assigned_at - l.captured_at) as assigned_s,
                   extract(epoch from l.first_touch_at - l.captured_at) as first_touch_s
            from kpi_lead l
            cross join lateral (values ('all', '*'), ('source', l.source), ('campaign', l.campaign),
                                       ('channel', l.channel), ('team', l.pool_id), ('sdr', l.sdr_id),
                                       ('pool_sdr', case when l.pool_id is not null and l.sdr_id is not null
                                                         then l.pool_id || '/' || l.sdr_id end),
                                       ('variant', l.variant), ('model', l.model)) as x(dim, key)
            where x.key is not null
            """;

    private static final String COUNTS = """
            insert into kpi_rollup (month, dim, key, inquiries, mql, sal, sql, opportunities, won, lost, recycled,
                                    won_amount, sla_met, sla_breached, to_mql_s, to_mql_n, to_sal_s, to_sal_n,
                                    to_sql_s, to_sql_n, to_opp_s, to_opp_n, to_close_s, to_close_n)
            select cohort, dim, key, count(*), count(mql_at), count(accepted_at), count(sql_at), count(opportunity_at),
                   count(*) filter (where outcome = 'won'), count(*) filter (where outcome = 'lost'), sum(recycled),
                   coalesce(sum(amount) filter (where outcome = 'won'), 0),
                   count(*) filter (where sla_outcome = 'met'), count(*) filter (where sla_outcome = 'breached'),
                   coalesce(sum(greatest(0, extract(epoch from mql_at - captured_at))), 0), count(mql_at),
                   coalesce(sum(greatest(0, extract(epoch from accepted_at - captured_at))), 0), count(accepted_at),
                   coalesce(sum(greatest(0, extract(epoch from sql_at - captured_at))), 0), count(sql_at),
                   coalesce(sum(greatest(0, extract(epoch from opportunity_at - captured_at))), 0), count(opportunity_at),
                   coalesce(sum(greatest(0, extract(epoch from closed_at - captured_at))), 0), count(closed_at)
            from kpi_dims where cohort is not null group by cohort, dim, key
            """;

    private static final String HISTOGRAM = """
            update kpi_rollup r set %1$s = h.counts
            from (select cohort, dim, key, array_agg(coalesce(n, 0) order by b) as counts
                  from (select g.cohort, g.dim, g.key, b.b, c.n
                        from (select distinct cohort, dim, key from kpi_dims where cohort is not null and %2$s is not null) g
                        cross join generate_series(0, 79) as b(b)
                        left join (select cohort, dim, key, %3$s as bucket, count(*) as n from kpi_dims
                                   where cohort is not null and %2$s is not null group by 1, 2, 3, 4) c
                               on c.cohort = g.cohort and c.dim = g.dim and c.key = g.key and c.bucket = b.b) filled
                  group by cohort, dim, key) h
            where r.month = h.cohort and r.dim = h.dim and r.key = h.key
            """;

    private final Pool db;

    public KpiRebuild(Pool db) {
        this.db = db;
    }

    /** Replaces every rollup row; answers how many rows there are now. */
    public Uni<Long> rebuild() {
        return db.withTransaction(tx -> tx.query("lock table kpi_rollup in exclusive mode").execute()
                .chain(() -> tx.query("delete from kpi_rollup").execute())
                .chain(() -> tx.query(DIMENSIONS).execute())
                .chain(() -> tx.query(COUNTS).execute())
                .chain(() -> tx.query(HISTOGRAM.formatted("assigned_hist", "assigned_s",
                        BUCKET.formatted("assigned_s"))).execute())
                .chain(() -> tx.query(HISTOGRAM.formatted("first_touch_hist", "first_touch_s",
                        BUCKET.formatted("first_touch_s"))).execute())
                .chain(() -> tx.query("select count(*) from kpi_rollup").execute())
                .map(rows -> rows.iterator().next().getLong(0)));
    }
}
