package io.leadflow.sla.api;

import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.domain.ConsumerLag;
import io.leadflow.sla.domain.DeadLetterDepth;
import io.leadflow.sla.domain.SlaClock;
import io.leadflow.sla.domain.SlaService;
import io.leadflow.sla.messaging.lag.LagSampler;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** What RevOps watches: the pipeline's health (consumer lag, dead letters) and the SLA breaches. */
@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class OpsResource {

    private static final Logger LOG = Logger.getLogger(OpsResource.class);

    private final LagSampler sampler;
    private final SlaService sla;
    private final int maxBreaches;

    public OpsResource(LagSampler sampler, SlaService sla, SlaConfig config) {
        this.sampler = sampler;
        this.sla = sla;
        this.maxBreaches = config.ops().maxBreaches();
    }

    /** One breached clock as RevOps sees it. */
    public record Breach(UUID clockId, UUID leadId, String kind, int attempt, String policyId, String sdrId,
                         UUID assignmentId, String poolId, Instant startedAt, Instant dueAt, Instant breachedAt,
                         Integer breachNumber, Instant touchedAt, double minutesLate) {

        static Breach of(SlaClock clock, Instant now) {
            return new Breach(clock.id, clock.leadId, clock.kind, clock.attempt, clock.policyId, clock.sdrId,
                    clock.assignmentId, clock.poolId, clock.startedAt, clock.dueAt, clock.breachedAt, clock.breachNumber,
                    clock.stoppedAt, SlaClock.minutesLate(clock.dueAt, clock.stoppedAt, now));
        }
    }

    public record Breaches(List<Breach> breaches, Instant measuredAt) {
    }

    @GET
    @Path("/lag")
    @Operation(summary = "Consumer lag", description = "Committed offset, end offset and lag of every consumer group per "
            + "topic and partition, in records and in seconds (age of the oldest unconsumed record), with a status "
            + "(OK, LAGGING, STALLED) judged over the recent samples; groups, topics and partitions from the latest "
            + "sample (taken every leadflow.sla.ops.lag-interval). Groups that never committed and ignored groups are "
            + "left out.")
    @APIResponse(responseCode = "200", description = "The lag of the latest sample")
    @APIResponse(responseCode = "503", description = "No sample yet, and Kafka did not answer in time")
    public Uni<ConsumerLag.Report> lag() {
        return health().map(LagSampler.Health::lag);
    }

    @GET
    @Path("/dlq")
    @Operation(summary = "Dead-letter depth", description = "Records kept in every dead-letter topic (name ending in "
            + "leadflow.sla.ops.dead-letter-suffix): end offset - earliest offset per partition, summed per topic.")
    @APIResponse(responseCode = "200", description = "The depths of the latest sample")
    @APIResponse(responseCode = "503", description = "No sample yet, and Kafka did not answer in time")
    public Uni<DeadLetterDepth.Report> deadLetters() {
        return health().map(LagSampler.Health::deadLetters);
    }

    private Uni<LagSampler.Health> health() {
        return sampler.latest().ifNoItem().after(sampler.timeout()).fail().onFailure().transform(e -> {
            LOG.warnf("pipeline health unavailable: %s", e.toString());
            return new ServiceUnavailableException(e instanceof TimeoutException || e.getCause() instanceof TimeoutException
                    ? "Kafka did not report consumer offsets within " + sampler.timeout().toMillis() + " ms"
                    : "Kafka could not report consumer offsets; try again shortly");
        });
    }

    @GET
    @Path("/breaches")
    @Operation(summary = "Recent SLA breaches", description = "Breached first-touch clocks, newest first. minutesLate "
            + "runs to the late first touch, or to now while the lead is still untouched.")
    @APIResponse(responseCode = "200", description = "The breaches")
    @APIResponse(responseCode = "400", description = "limit out of range")
    public Uni<Breaches> breaches(@QueryParam("limit") @DefaultValue("50") String limitParam) {
        int limit = limit(limitParam);
        return sla.recentBreaches(limit).map(clocks -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return new Breaches(clocks.stream().map(clock -> Breach.of(clock, now)).toList(), now);
        });
    }

    /** A running clock whose holder was warned: the lead is at risk of breaching. */
    public record AtRisk(UUID clockId, UUID leadId, String kind, int attempt, String policyId, String sdrId,
                         String poolId, Instant startedAt, Instant atRiskAt, Instant dueAt, double minutesLeft) {

        static AtRisk of(SlaClock clock, Instant now) {
            double left = Math.max(0, java.time.Duration.between(now, clock.dueAt).toMillis()) / 60_000.0;
            return new AtRisk(clock.id, clock.leadId, clock.kind, clock.attempt, clock.policyId, clock.sdrId,
                    clock.poolId, clock.startedAt, clock.atRiskAt, clock.dueAt, Math.round(left * 10) / 10.0);
        }
    }

    public record AtRiskList(List<AtRisk> clocks, Instant measuredAt) {
    }

    @GET
    @Path("/at-risk")
    @Operation(summary = "Leads at risk now", description = "Running clocks whose at-risk warning went out, nearest "
            + "deadline first: the leads that breach next unless their holder acts.")
    @APIResponse(responseCode = "400", description = "limit out of range")
    public Uni<AtRiskList> atRisk(@QueryParam("limit") @DefaultValue("50") String limitParam) {
        int limit = limit(limitParam);
        return sla.atRisk(limit).map(clocks -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return new AtRiskList(clocks.stream().map(clock -> AtRisk.of(clock, now)).toList(), now);
        });
    }

    /** The SLA view of one lead: its policy, holder, contact history and every clock, oldest first. */
    public record LeadTrace(UUID leadId, String policyId, String policyVersion, String sdrId, String poolId,
                            Instant capturedAt, Instant assignedAt, Instant acceptedAt, Instant firstTouchAt,
                            int attempts, Instant contactedAt, Instant closedAt, String closeReason,
                            java.util.Map<String, String> facts, List<Clock> clocks) {
    }

    public record Clock(UUID clockId, String kind, int attempt, String sdrId, String state, Instant startedAt,
                        Instant atRiskAt, Instant atRiskSentAt, Instant dueAt, Instant stoppedAt, String stopReason,
                        Instant breachedAt, Integer breachNumber) {

        static Clock of(SlaClock c) {
            return new Clock(c.id, c.kind, c.attempt, c.sdrId, c.state.name(), c.startedAt, c.atRiskAt, c.atRiskSentAt,
                    c.dueAt, c.stoppedAt, c.stopReason, c.breachedAt, c.breachNumber);
        }
    }

    @GET
    @Path("/leads/{leadId}/trace")
    @Operation(summary = "A lead's SLA trace", description = "The policy it fell under, its holder, first touch, "
            + "attempts and contact, and every clock with its deadline, warning, stop or breach.")
    @APIResponse(responseCode = "404", description = "The SLA service never saw the lead assigned")
    public Uni<LeadTrace> trace(@jakarta.ws.rs.PathParam("leadId") String leadIdParam) {
        UUID leadId;
        try {
            leadId = UUID.fromString(leadIdParam);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("leadId", "must be a UUID");
        }
        return sla.trace(leadId).map(found -> {
            if (found == null) {
                throw new io.leadflow.web.NotFoundException("The SLA service has no record of lead " + leadId + ".");
            }
            var lead = found.lead();
            return new LeadTrace(lead.leadId, lead.policyId, lead.policyVersion, lead.sdrId, lead.poolId, lead.capturedAt,
                    lead.assignedAt, lead.acceptedAt, lead.firstTouchAt, lead.attempts, lead.contactedAt, lead.closedAt,
                    lead.closeReason, lead.facts, found.clocks().stream().map(Clock::of).toList());
        });
    }

    private int limit(String param) {
        int limit;
        try {
            limit = Integer.parseInt(param.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > maxBreaches) {
            throw new InvalidRequestException("limit", "must be a whole number from 1 to " + maxBreaches);
        }
        return limit;
    }
}
