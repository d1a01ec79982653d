package io.leadflow.routing.api;

import io.leadflow.routing.domain.RosterService;
import io.leadflow.routing.domain.SdrProfile;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Problem;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** The SDR roster (RevOps): SDRs with their schedule and caps, out-of-office periods, pauses. */
@Path("/api/v1/routing/sdrs")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class SdrResource {

    private final RosterService roster;
    private final JsonWebToken caller;
    private final UriInfo uri;

    public SdrResource(RosterService roster, JsonWebToken caller, UriInfo uri) {
        this.roster = roster;
        this.caller = caller;
        this.uri = uri;
    }

    @GET
    @Operation(summary = "The roster", description = "Every SDR by id, with settings, out-of-office periods that have "
            + "not ended and their status now (available or the skip reason, when available again, load).")
    public Uni<List<SdrProfile>> list() {
        return roster.sdrs();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an SDR", description = "id (the subject of their JWT), name, email; optional active "
            + "(true), timeZone (IANA, UTC), workingHours ({\"monday\": [\"09:00-12:30\", \"13:30-18:00\"]}; absent = "
            + "around the clock), holidays ([{\"date\": \"2026-12-25\", \"name\": \"Christmas\"}]), maxOpenLeads, "
            + "maxLeadsPerDay (absent = no cap), managerEmail.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid; every bad field named")
    @APIResponse(responseCode = "409", description = "An SDR with that id exists")
    public Uni<RestResponse<SdrProfile>> create(SdrRequest request) {
        var settings = required(request).forCreate();
        return roster.createSdr(request.id(), settings).map(profile -> RestResponse.ResponseBuilder
                .<SdrProfile>created(uri.getAbsolutePathBuilder().path(profile.id()).build()).entity(profile).build());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such SDR")
    public Uni<SdrProfile> get(@PathParam("id") String id) {
        return roster.sdr(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an SDR", description = "Replaces the settings (as on creation; absent optional fields "
            + "go back to their defaults). Out-of-office periods and the pause have endpoints of their own.")
    @APIResponse(responseCode = "400", description = "Invalid; every bad field named")
    @APIResponse(responseCode = "404", description = "No such SDR")
    public Uni<SdrProfile> update(@PathParam("id") String id, SdrRequest request) {
        return roster.updateSdr(id, required(request).forUpdate(id));
    }

    @GET
    @Path("/{id}/out-of-office")
    @Operation(summary = "The SDR's out-of-office periods", description = "All of them, past ones included, by start.")
    public Uni<List<SdrProfile.Absence>> outOfOffice(@PathParam("id") String id) {
        return roster.outOfOffice(id);
    }

    @POST
    @Path("/{id}/out-of-office")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an out-of-office period", description = "{\"from\", \"until\", \"note\"}: ISO-8601 "
            + "instants with an offset; the SDR gets no lead from `from` (inclusive) until `until` (exclusive).")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid; every bad field named")
    @APIResponse(responseCode = "404", description = "No such SDR")
    public Uni<RestResponse<SdrProfile.Absence>> addOutOfOffice(@PathParam("id") String id, OutOfOfficeRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON object with from and until is required");
        }
        var period = request.period();
        return roster.addOutOfOffice(id, period, request.validNote(), caller.getSubject())
                .map(absence -> RestResponse.ResponseBuilder
                        .<SdrProfile.Absence>created(uri.getAbsolutePathBuilder().path(absence.id().toString()).build())
                        .entity(absence).build());
    }

    @DELETE
    @Path("/{id}/out-of-office/{periodId}")
    @Operation(summary = "Remove an out-of-office period")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such period of this SDR")
    public Uni<Void> removeOutOfOffice(@PathParam("id") String id, @PathParam("periodId") UUID periodId) {
        return roster.removeOutOfOffice(id, periodId);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.SDR, Roles.REVOPS, Roles.ADMIN})
    @Operation(summary = "Pause an SDR", description = "No lead goes to them until they are resumed. RevOps, admins, "
            + "and the SDR themself (role sdr, for their own id). Pausing a paused SDR changes nothing.")
    @APIResponse(responseCode = "403", description = "An SDR pausing someone else")
    @APIResponse(responseCode = "404", description = "No such SDR")
    public Uni<SdrProfile> pause(@PathParam("id") String id) {
        return roster.pause(ownOrManaged(id), caller.getSubject());
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.SDR, Roles.REVOPS, Roles.ADMIN})
    @Operation(summary = "Resume a paused SDR", description = "Same roles as pause.")
    @APIResponse(responseCode = "403", description = "An SDR resuming someone else")
    @APIResponse(responseCode = "404", description = "No such SDR")
    public Uni<SdrProfile> resume(@PathParam("id") String id) {
        return roster.resume(ownOrManaged(id));
    }

    /** RevOps and admins act on anyone; an SDR only on themself. */
    private String ownOrManaged(String id) {
        boolean manager = caller.getGroups().contains(Roles.REVOPS) || caller.getGroups().contains(Roles.ADMIN);
        if (!manager && !id.equals(caller.getSubject())) {
            throw new ForbiddenException(Problem.response(403, "forbidden", "Forbidden",
                    "An SDR can pause and resume only themself.", uri.getPath(), List.of()));
        }
        return id;
    }

    private static SdrRequest required(SdrRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        return request;
    }
}
