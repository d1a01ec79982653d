package io.leadflow.routing.api;

import io.leadflow.routing.distribution.Fairness;
import io.leadflow.routing.domain.PoolProfile;
import io.leadflow.routing.domain.RosterService;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Pools (RevOps): members and weights, distribution method, manager, hold settings; the fairness report. */
@Path("/api/v1/routing/pools")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final RosterService roster;
    private final UriInfo uri;

    public PoolResource(RosterService roster, UriInfo uri) {
        this.roster = roster;
        this.uri = uri;
    }

    @GET
    @Operation(summary = "Every pool", description = "By id, with members in rotation order, weights and pool state.")
    public Uni<List<PoolProfile>> list() {
        return roster.pools();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a pool", description = "id, name; optional method (STRICT_ROUND_ROBIN, "
            + "WEIGHTED_ROUND_ROBIN, LEAST_LOADED; default the first), members ([{\"sdrId\", \"weight\"}] in rotation "
            + "order, weight 1-1000, default 1), managerEmail, fallbackPoolId and fallbackAfter (ISO-8601, default PT0S).")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid, an unknown SDR or fallback pool, a fallback cycle; "
            + "every bad field named")
    @APIResponse(responseCode = "409", description = "A pool with that id exists")
    public Uni<RestResponse<PoolProfile>> create(PoolRequest request) {
        var settings = required(request).forCreate();
        return roster.createPool(request.id(), settings).map(profile -> RestResponse.ResponseBuilder
                .<PoolProfile>created(uri.getAbsolutePathBuilder().path(profile.id()).build()).entity(profile).build());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such pool")
    public Uni<PoolProfile> get(@PathParam("id") String id) {
        return roster.pool(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a pool", description = "Replaces settings and members, under the pool's routing lock. "
            + "The member next in line stays next in line; a change of members or weights restarts the weighted "
            + "round robin.")
    @APIResponse(responseCode = "400", description = "Invalid; every bad field named")
    @APIResponse(responseCode = "404", description = "No such pool")
    public Uni<PoolProfile> update(@PathParam("id") String id, PoolRequest request) {
        return roster.updatePool(id, required(request).forUpdate(id));
    }

    @GET
    @Path("/{id}/fairness")
    @Operation(summary = "Fairness report", description = "Leads assigned in the pool within [from, to) (ISO-8601 "
            + "instants; default the last 7 days, at most 366) per SDR, against the share each member should have had "
            + "by weight and by the time their schedule made them available, and the largest deviation.")
    @APIResponse(responseCode = "400", description = "A bad period")
    @APIResponse(responseCode = "404", description = "No such pool")
    public Uni<Fairness.Report> fairness(@PathParam("id") String id, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        FieldErrors errors = new FieldErrors();
        // Up to now inclusive: a period cut down to the whole second would leave out the leads of this second.
        Instant end = to == null ? Instant.now().truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS)
                : OutOfOfficeRequest.instant(errors, "to", to);
        Instant start = from == null ? (end == null ? null : end.minus(DEFAULT_PERIOD))
                : OutOfOfficeRequest.instant(errors, "from", from);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add("to", "must be after from");
            } else if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
                errors.add("from", "the period must be at most 366 days");
            }
        }
        errors.throwIfAny();
        return roster.fairness(id, start, end);
    }

    private static PoolRequest required(PoolRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        return request;
    }
}
