package io.leadflow.sla.kpi;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (off by default; {@code -Dleadflow.benchmark=true}): how fast the KPI endpoints answer with
 * {@value #DEFAULT_LEADS} leads in the read model, on the embedded PostgreSQL of this machine.
 *
 * <p>The leads are written straight into kpi_lead by SQL (spread over 12 capture months, 20 sources, 200 campaigns, 4
 * channels, 10 teams of 10 SDRs, 3 routing variants, 3 scoring models, with stage times and outcomes at realistic
 * rates), the rollups are rebuilt from them ({@link KpiRebuild}, what {@code POST /api/v1/kpi/rebuild} runs), then every KPI endpoint is
 * called over the 12 months through HTTP with a revops token: 5 warm-up calls, {@value #CALLS} measured. Printed: the
 * rebuild time and each endpoint's p50 and max in ms. Asserted (correctness, not speed): the funnel counts every lead.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class KpiQueryBenchmarkTest {

    static final int DEFAULT_LEADS = 1_000_000;
    static final int CALLS = 20;
    private static final int LEADS = Integer.getInteger("leadflow.benchmark.leads", DEFAULT_LEADS);

    @Inject
    Pool db;
    @Inject
    KpiRebuild rebuild;

    @Test
    void kpiEndpointsWithAMillionLeads() {
        YearMonth last = YearMonth.now(ZoneOffset.UTC);
        YearMonth first = last.minusMonths(11);
        long loadStart = System.nanoTime();
        db.query("delete from kpi_lead").execute().await().atMost(Duration.ofMinutes(5));
        db.preparedQuery("""
                insert into kpi_lead (lead_id, captured_at, cohort, source, campaign, channel, pool_id, sdr_id, variant,
                                      model, mql_at, assigned_at, accepted_at, first_touch_at, sql_at, opportunity_at,
                                      closed_at, outcome, amount, recycled, sla_outcome)
                select gen_random_uuid(), c, date_trunc('month', c at time zone 'UTC')::date,
                       'source-' || (n % 20), 'campaign-' || (n % 200), (array['form', 'webhook', 'import', 'api'])[1 + n % 4],
                       'team-' || (n % 10), 'team-' || (n % 10) || '-sdr-' || (n / 10 % 10),
                       'exp-1:' || (array['a', 'b', 'c'])[1 + n % 3], 'model-' || (1 + n % 3),
                       case when r < 0.6 then c + interval '1 hour' * (1 + r * 10) end,
                       c + interval '1 millisecond' * (200 + (n % 800)),
                       case when r < 0.5 then c + interval '1 day' * r end,
                       c + interval '1 second' * (5 + (n % 7200)),
                       case when r < 0.25 then c + interval '2 days' end,
                       case when r < 0.12 then c + interval '5 days' end,
                       case when r < 0.08 then c + interval '40 days' end,
                       case when r < 0.03 then 'won' when r < 0.08 then 'lost' end,
                       case when r < 0.03 then 10000 + (n % 90000) end,
                       case when r > 0.9 then 1 else 0 end,
                       case when n % 7 = 0 then 'breached' else 'met' end
                from (select n, random() as r,
                             $1::timestamptz + (n % 360) * interval '1 day' * ($2::float / 360) + (n % 86400) * interval '1 second' as c
                      from generate_series(1, $3) as n) leads
                """)
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(first.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        (double) java.time.temporal.ChronoUnit.DAYS.between(first.atDay(1), last.atEndOfMonth()), LEADS))
                .await().atMost(Duration.ofMinutes(20));
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

        long rebuildStart = System.nanoTime();
        // In-process: the HTTP endpoint does the same, but a rebuild of a million leads outlasts the test client's timeout.
        long rows = rebuild.rebuild().await().atMost(Duration.ofMinutes(30));
        long rebuildMillis = (System.nanoTime() - rebuildStart) / 1_000_000;

        String months = "from=" + first + "&to=" + last;
        List<String> paths = List.of("/api/v1/kpi/speed?by=source&" + months, "/api/v1/kpi/speed?by=sdr&" + months,
                "/api/v1/kpi/funnel?by=campaign&" + months, "/api/v1/kpi/funnel?by=channel&" + months,
                "/api/v1/kpi/experiments?by=variant&" + months, "/api/v1/kpi/experiments?by=model&" + months,
                "/api/v1/kpi/fairness?" + months, "/api/v1/kpi/cost?" + months);
        StringBuilder report = new StringBuilder("\n=== KPI endpoints, " + LEADS + " leads in kpi_lead, " + rows
                + " rollup rows; load " + loadMillis + " ms, rebuild " + rebuildMillis + " ms\n");
        for (String path : paths) {
            for (int i = 0; i < 5; i++) {
                call(path);
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                call(path);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            report.append(String.format("%-55s p50 %4d ms  max %4d ms%n", path.replace(months, "12 months"),
                    millis.get(millis.size() / 2), millis.get(millis.size() - 1)));
        }
        System.out.println(report);

        long counted = given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/kpi/funnel?by=all&" + months)
                .then().statusCode(200).extract().jsonPath().getLong("groups[0].inquiries");
        assertThat(counted).isEqualTo(LEADS);
    }

    private static void call(String path) {
        given().auth().oauth2(TestTokens.revops()).when().get(path).then().statusCode(200);
    }
}
