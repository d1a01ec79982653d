package io.leadflow.capture.privacy;

import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** RevOps records that a person does not want to be contacted; leads of the address are never routed. */
@Path("/api/v1/admin/do-not-contact")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DoNotContactResource {

    /** A do-not-contact request: the address, and why (the ticket, the channel the person used). */
    public record Request(String email, String reason) {
    }

    private final DoNotContactService service;
    private final JsonWebToken caller;

    public DoNotContactResource(DoNotContactService service, JsonWebToken caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Do not contact this person", description = "Lists the address (201; 200 when it was already "
            + "listed). An existing lead of it is flagged and announced with LeadOptedOut: routing stops offering it and "
            + "tells its SDR. A later submission of the address is captured with doNotContact = true and never routed.")
    public Uni<Response> list(Request request) {
        if (request == null) {
            throw new io.leadflow.web.InvalidRequestException("body", "a JSON object is required");
        }
        return service.list(request.email(), request.reason(), caller.getSubject())
                .map(listed -> Response.status(listed.created() ? 201 : 200).entity(listed).build());
    }

    @GET
    @Operation(summary = "Is this address on the do-not-contact list?", description = "200 when listed, 404 when not.")
    public Uni<Response> check(@QueryParam("email") String email) {
        return service.isListed(email).map(listed -> {
            if (!listed) {
                throw new NotFoundException("this address is not on the do-not-contact list");
            }
            return Response.ok(java.util.Map.of("listed", true)).build();
        });
    }
}
