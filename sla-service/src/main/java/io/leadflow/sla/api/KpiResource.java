package io.leadflow.sla.api;

import io.leadflow.sla.kpi.CampaignSpend;
import io.leadflow.sla.kpi.KpiQueries;
import io.leadflow.sla.kpi.Months;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The KPIs RevOps reads (definitions in the README): speed to lead, the funnel, cost per lead / opportunity / won
 * deal, A/B by routing variant and scoring model, fairness per pool; and the campaign spend they enter. Every
 * answer comes from the monthly rollups of the KPI read model; {@code from} and {@code to} are capture months.
 */
@Path("/api/v1/kpi")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class KpiResource {

    private static final Set<String> SPEED_BY = Set.of("all", "source", "campaign", "channel", "team", "sdr");
    private static final Set<String> FUNNEL_BY = Set.of("all", "source", "campaign", "channel", "team", "sdr");
    private static final Set<String> EXPERIMENT_BY = Set.of("variant", "model");

    private final KpiQueries queries;
    private final CampaignSpend spend;
    private final SecurityIdentity caller;
    private final io.leadflow.sla.kpi.KpiRebuild rebuild;
    private final Clock clock = Clock.systemUTC();

    public KpiResource(KpiQueries queries, CampaignSpend spend, SecurityIdentity caller, io.leadflow.sla.kpi.KpiRebuild rebuild) {
        this.rebuild = rebuild;
        this.queries = queries;
        this.spend = spend;
        this.caller = caller;
    }

    @GET
    @Path("/speed")
    @Operation(summary = "Speed to lead", description = "Capture -> assigned and capture -> first touch: count, p50, p90, "
            + "p99 (seconds, from log buckets, within 25 %), SLA attainment (first-touch clocks met / met + breached), per "
            + "value of `by`; and the overall distribution as a histogram.")
    @APIResponse(responseCode = "400", description = "Bad month or by")
    public Uni<KpiQueries.Speed> speed(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("by") @DefaultValue("source") String by) {
        return queries.speed(Months.parse(from, to, clock), dimension(by, SPEED_BY));
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Funnel", description = "Per value of `by`, of the leads captured in the months: inquiries, "
            + "MQL, accepted (SAL), SQL, opportunities, won, lost, recycled, won amount, the conversion rate of each step "
            + "and the mean days each step took.")
    @APIResponse(responseCode = "400", description = "Bad month or by")
    public Uni<KpiQueries.Funnel> funnel(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("by") @DefaultValue("source") String by) {
        return queries.funnel(Months.parse(from, to, clock), dimension(by, FUNNEL_BY));
    }

    @GET
    @Path("/experiments")
    @Operation(summary = "A/B", description = "Per routing variant (experiment:variant) or scoring model version: leads, "
            + "SQL and opportunity rates with 95 % Wilson intervals, median first touch, and each arm against the "
            + "largest one with a 95 % interval of the difference (significant when it excludes 0).")
    @APIResponse(responseCode = "400", description = "Bad month or by")
    public Uni<KpiQueries.Experiments> experiments(@QueryParam("from") String from, @QueryParam("to") String to,
                                                   @QueryParam("by") @DefaultValue("variant") String by) {
        return queries.experiments(Months.parse(from, to, clock), dimension(by, EXPERIMENT_BY));
    }

    @GET
    @Path("/fairness")
    @Operation(summary = "Fairness per pool", description = "Leads assigned to each SDR of each pool, their share, and "
            + "how far the busiest SDR's share is above an even one.")
    public Uni<KpiQueries.Fairness> fairness(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.fairness(Months.parse(from, to, clock));
    }

    @GET
    @Path("/cost")
    @Operation(summary = "Cost per lead, opportunity and won deal", description = "Per campaign: the spend entered for "
            + "the months, its leads, opportunities and won deals, and the spend divided by each.")
    public Uni<KpiQueries.Cost> cost(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.cost(Months.parse(from, to, clock));
    }

    @GET
    @Path("/spend")
    @Operation(summary = "Campaign spend entered for the months")
    public Uni<List<CampaignSpend.Entry>> spend(@QueryParam("from") String from, @QueryParam("to") String to) {
        return spend.list(Months.parse(from, to, clock));
    }

    @PUT
    @Path("/spend/{campaign}/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a campaign's spend in a month", description = "Body {\"amount\": 1200.50, \"currency\": "
            + "\"EUR\"}; replaces the figure entered before. The campaign is matched lower-case, as leads' campaigns are.")
    @APIResponse(responseCode = "400", description = "Every bad field named")
    public Uni<CampaignSpend.Entry> putSpend(@PathParam("campaign") String campaign, @PathParam("month") String month,
                                             CampaignSpend.Request request) {
        return spend.put(campaign, month, request, caller.getPrincipal().getName());
    }

    public record Rebuilt(long rows, long millis) {
    }

    @jakarta.ws.rs.POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the rollups from kpi_lead", description = "Admin only. Recomputes every rollup row in "
            + "one transaction (the KPI endpoints wait meanwhile); for a changed definition or a read model loaded by "
            + "other means.")
    public Uni<Rebuilt> rebuild() {
        long start = System.nanoTime();
        return rebuild.rebuild().map(rows -> new Rebuilt(rows, (System.nanoTime() - start) / 1_000_000));
    }

    private static String dimension(String by, Set<String> allowed) {
        String dim = by == null ? "" : by.strip();
        if (!allowed.contains(dim)) {
            throw new InvalidRequestException("by", "must be one of " + allowed.stream().sorted().toList());
        }
        return dim;
    }
}
