package io.leadflow.sla.kpi;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers the KPI endpoints from the monthly rollups: one query per request over months x keys rows, summed here.
 * Durations are seconds; rates 0..1 (null when there is nothing to divide by).
 */
@ApplicationScoped
public class KpiQueries {

    private final Pool db;

    public KpiQueries(Pool db) {
        this.db = db;
    }

    /** Percentiles of one duration. */
    public record Spread(long count, Double p50, Double p90, Double p99) {
        static Spread of(long[] hist) {
            long n = 0;
            for (long c : hist) {
                n += c;
            }
            return new Spread(n, SpeedHistogram.percentile(hist, 0.5), SpeedHistogram.percentile(hist, 0.9),
                    SpeedHistogram.percentile(hist, 0.99));
        }
    }

    public record Sla(long met, long breached, Double attainment) {
    }

    public record SpeedGroup(String key, long leads, Spread assigned, Spread firstTouch, Sla sla) {
    }

    public record Histogram(double[] bounds, long[] assigned, long[] firstTouch) {
    }

    public record Speed(String from, String to, String by, List<SpeedGroup> groups, Histogram histogram,
                        Instant measuredAt) {
    }

    public record Rates(Double inquiryToMql, Double mqlToSal, Double salToSql, Double sqlToOpportunity,
                        Double opportunityToWon) {
    }

    public record Velocity(Double inquiryToMql, Double mqlToSal, Double salToSql, Double sqlToOpportunity,
                           Double opportunityToClose) {
    }

    public record FromCapture(Double mql, Double sal, Double sql, Double opportunity, Double closed) {
    }

    public record FunnelGroup(String key, long inquiries, long mql, long sal, long sql, long opportunities, long won,
                              long lost, long recycled, BigDecimal wonAmount, Rates rates, Velocity velocityDays,
                              FromCapture daysFromCapture) {
    }

    public record Funnel(String from, String to, String by, List<FunnelGroup> groups, Instant measuredAt) {
    }

    public record Arm(String key, long leads, Proportion sql, Proportion opportunity, Double firstTouchP50) {
    }

    public record Comparison(String key, String baseline, Proportion.Difference sqlRate,
                             Proportion.Difference opportunityRate) {
    }

    public record Experiments(String from, String to, String by, List<Arm> groups, String baseline,
                              List<Comparison> comparisons, Instant measuredAt) {
    }

    public record SdrShare(String sdrId, long leads, double share) {
    }

    public record PoolFairness(String pool, long leads, List<SdrShare> sdrs, Double maxShareOverEven) {
    }

    public record Fairness(String from, String to, List<PoolFairness> pools, Instant measuredAt) {
    }

    public record CampaignCost(String campaign, BigDecimal spend, String currency, long leads, long opportunities,
                               long won, BigDecimal costPerLead, BigDecimal costPerOpportunity, BigDecimal costPerWon) {
    }

    public record Cost(String from, String to, List<CampaignCost> campaigns, Instant measuredAt) {
    }

    /** One key's rollup rows summed over the months asked for. */
    static final class Totals {
        long inquiries;
        long mql;
        long sal;
        long sql;
        long opportunities;
        long won;
        long lost;
        long recycled;
        long slaMet;
        long slaBreached;
        BigDecimal wonAmount = BigDecimal.ZERO;
        final long[] assigned = new long[SpeedHistogram.BUCKETS];
        final long[] firstTouch = new long[SpeedHistogram.BUCKETS];
        final double[] stageSeconds = new double[5];
        final long[] stageCounts = new long[5];

        void add(Row row) {
            inquiries += row.getLong("inquiries");
            mql += row.getLong("mql");
            sal += row.getLong("sal");
            sql += row.getLong("sql");
            opportunities += row.getLong("opportunities");
            won += row.getLong("won");
            lost += row.getLong("lost");
            recycled += row.getLong("recycled");
            slaMet += row.getLong("sla_met");
            slaBreached += row.getLong("sla_breached");
            wonAmount = wonAmount.add(row.getBigDecimal("won_amount"));
            if (row.getColumnIndex("assigned_hist") >= 0) {
                sum(assigned, row.getArrayOfLongs("assigned_hist"));
                sum(firstTouch, row.getArrayOfLongs("first_touch_hist"));
            }
            String[] stages = {"to_mql", "to_sal", "to_sql", "to_opp", "to_close"};
            for (int i = 0; i < stages.length; i++) {
                stageSeconds[i] += row.getDouble(stages[i] + "_s");
                stageCounts[i] += row.getLong(stages[i] + "_n");
            }
        }

        private static void sum(long[] into, Long[] values) {
            for (int i = 0; i < Math.min(into.length, values.length); i++) {
                into[i] += values[i] == null ? 0 : values[i];
            }
        }

        /** Mean days from capture to the stage (0 MQL, 1 SAL, 2 SQL, 3 opportunity, 4 closed). */
        Double daysFromCapture(int stage) {
            return stageCounts[stage] == 0 ? null : round(stageSeconds[stage] / stageCounts[stage] / 86_400, 2);
        }

        /** Days in the step before the stage: the difference of the mean days from capture to each end. */
        Double daysInStep(int stage) {
            Double to = daysFromCapture(stage);
            if (stage == 0 || to == null) {
                return to;
            }
            Double from = daysFromCapture(stage - 1);
            return from == null ? null : round(Math.max(0, to - from), 2);
        }
    }

    private static final String COUNTS = "key, inquiries, mql, sal, sql, opportunities, won, lost, recycled, won_amount, "
            + "sla_met, sla_breached, to_mql_s, to_mql_n, to_sal_s, to_sal_n, to_sql_s, to_sql_n, to_opp_s, to_opp_n, "
            + "to_close_s, to_close_n";

    /** The rollups of one dimension over the months, summed per key (ordered by key); counts only. */
    Uni<Map<String, Totals>> totals(String dim, LocalDate from, LocalDate to) {
        return totals(dim, from, to, false);
    }

    /** The same, with the speed histograms (80 numbers each per row: read only where they are shown). */
    Uni<Map<String, Totals>> totals(String dim, LocalDate from, LocalDate to, boolean histograms) {
        return db.preparedQuery("select " + COUNTS + (histograms ? ", assigned_hist, first_touch_hist" : "")
                        + " from kpi_rollup where dim = $1 and month between $2 and $3")
                .execute(Tuple.of(dim, from, to))
                .map(rows -> {
                    Map<String, Totals> byKey = new TreeMap<>();
                    for (Row row : rows) {
                        byKey.computeIfAbsent(row.getString("key"), k -> new Totals()).add(row);
                    }
                    return byKey;
                });
    }

    public Uni<Speed> speed(Months months, String by) {
        return totals("all", months.from(), months.to(), true).chain(all -> totals(by, months.from(), months.to(), true).map(byKey -> {
            List<SpeedGroup> groups = new ArrayList<>();
            byKey.forEach((key, t) -> groups.add(new SpeedGroup(key, t.inquiries, Spread.of(t.assigned),
                    Spread.of(t.firstTouch), new Sla(t.slaMet, t.slaBreached, rate(t.slaMet, t.slaMet + t.slaBreached)))));
            groups.sort(Comparator.comparingLong(SpeedGroup::leads).reversed().thenComparing(SpeedGroup::key));
            Totals overall = all.getOrDefault("*", new Totals());
            return new Speed(months.fromText(), months.toText(), by, groups,
                    new Histogram(SpeedHistogram.bounds(), overall.assigned, overall.firstTouch), now());
        }));
    }

    public Uni<Funnel> funnel(Months months, String by) {
        return totals(by, months.from(), months.to()).map(byKey -> {
            List<FunnelGroup> groups = new ArrayList<>();
            byKey.forEach((key, t) -> groups.add(new FunnelGroup(key, t.inquiries, t.mql, t.sal, t.sql, t.opportunities,
                    t.won, t.lost, t.recycled, t.wonAmount,
                    new Rates(rate(t.mql, t.inquiries), rate(t.sal, t.mql), rate(t.sql, t.sal), rate(t.opportunities, t.sql),
                            rate(t.won, t.won + t.lost)),
                    new Velocity(t.daysInStep(0), t.daysInStep(1), t.daysInStep(2), t.daysInStep(3), t.daysInStep(4)),
                    new FromCapture(t.daysFromCapture(0), t.daysFromCapture(1), t.daysFromCapture(2), t.daysFromCapture(3),
                            t.daysFromCapture(4)))));
            groups.sort(Comparator.comparingLong(FunnelGroup::inquiries).reversed().thenComparing(FunnelGroup::key));
            return new Funnel(months.fromText(), months.toText(), by, groups, now());
        });
    }

    /**
     * Conversion by routing variant or scoring model: SQL rate and opportunity rate of the leads assigned under each,
     * with Wilson intervals, and each arm against the baseline (the largest arm) with a Newcombe interval.
     */
    public Uni<Experiments> experiments(Months months, String by) {
        return totals(by, months.from(), months.to(), true).map(byKey -> {
            List<Arm> arms = new ArrayList<>();
            byKey.forEach((key, t) -> arms.add(new Arm(key, t.inquiries, Proportion.of(t.sql, t.inquiries),
                    Proportion.of(t.opportunities, t.inquiries), SpeedHistogram.percentile(t.firstTouch, 0.5))));
            arms.sort(Comparator.comparingLong(Arm::leads).reversed().thenComparing(Arm::key));
            String baseline = arms.isEmpty() ? null : arms.get(0).key();
            List<Comparison> comparisons = new ArrayList<>();
            for (int i = 1; i < arms.size(); i++) {
                Arm arm = arms.get(i);
                comparisons.add(new Comparison(arm.key(), baseline, Proportion.difference(arms.get(0).sql(), arm.sql()),
                        Proportion.difference(arms.get(0).opportunity(), arm.opportunity())));
            }
            return new Experiments(months.fromText(), months.toText(), by, arms, baseline, comparisons, now());
        });
    }

    /** Leads per SDR in each pool, their share, and how far the busiest SDR is above an even share. */
    public Uni<Fairness> fairness(Months months) {
        return totals("pool_sdr", months.from(), months.to()).map(byKey -> {
            Map<String, List<SdrShare>> byPool = new TreeMap<>();
            Map<String, Long> poolLeads = new LinkedHashMap<>();
            byKey.forEach((key, t) -> {
                int slash = key.indexOf('/');
                String pool = key.substring(0, slash);
                poolLeads.merge(pool, t.inquiries, Long::sum);
                byPool.computeIfAbsent(pool, p -> new ArrayList<>()).add(new SdrShare(key.substring(slash + 1), t.inquiries, 0));
            });
            List<PoolFairness> pools = new ArrayList<>();
            byPool.forEach((pool, sdrs) -> {
                long total = poolLeads.get(pool);
                List<SdrShare> shares = sdrs.stream()
                        .map(s -> new SdrShare(s.sdrId(), s.leads(), total == 0 ? 0 : round((double) s.leads() / total, 4)))
                        .sorted(Comparator.comparingLong(SdrShare::leads).reversed()).toList();
                Double over = total == 0 ? null
                        : round((double) shares.get(0).leads() / total * shares.size() - 1, 4);
                pools.add(new PoolFairness(pool, total, shares, over));
            });
            return new Fairness(months.fromText(), months.toText(), pools, now());
        });
    }

    /** Spend per campaign over the months against the campaign's leads, opportunities and won deals. */
    public Uni<Cost> cost(Months months) {
        return totals("campaign", months.from(), months.to()).chain(byCampaign -> db.preparedQuery(
                        "select campaign, sum(amount) as spend, min(currency) as currency, count(distinct currency) as currencies "
                                + "from campaign_spend where month between $1 and $2 group by campaign")
                .execute(Tuple.of(months.from(), months.to()))
                .map(rows -> {
                    Map<String, Row> spend = new TreeMap<>();
                    rows.forEach(row -> spend.put(row.getString("campaign"), row));
                    List<CampaignCost> campaigns = new ArrayList<>();
                    java.util.Set<String> keys = new java.util.TreeSet<>(spend.keySet());
                    keys.addAll(byCampaign.keySet());
                    for (String campaign : keys) {
                        Totals t = byCampaign.getOrDefault(campaign, new Totals());
                        Row row = spend.get(campaign);
                        BigDecimal amount = row == null ? null : row.getBigDecimal("spend");
                        String currency = row == null ? null : row.getLong("currencies") > 1 ? "MIXED" : row.getString("currency");
                        campaigns.add(new CampaignCost(campaign, amount, currency, t.inquiries, t.opportunities, t.won,
                                per(amount, t.inquiries), per(amount, t.opportunities), per(amount, t.won)));
                    }
                    return new Cost(months.fromText(), months.toText(), campaigns, now());
                }));
    }

    private static BigDecimal per(BigDecimal amount, long count) {
        return amount == null || count == 0 ? null : amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
