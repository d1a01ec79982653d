package io.leadflow.routing.api;

import io.leadflow.routing.domain.AssignmentService;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What RevOps and admins do to a lead's routing by hand. */
@Path("/api/v1/routing/leads/{leadId}")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LeadRoutingResource {

    static final int NOTE_MAX = 2000;

    private final AssignmentService assignments;
    private final SecurityIdentity caller;

    public LeadRoutingResource(AssignmentService assignments, SecurityIdentity caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    /** To whom, and why (optional). */
    public record ReassignRequest(String sdrId, String note) {
    }

    @POST
    @Path("/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a lead to another SDR", description = "An assigned or accepted lead goes to the named "
            + "active SDR, who must accept it again; publishes LeadReassigned (reason manual, by the caller).")
    @APIResponse(responseCode = "200", description = "Reassigned: the lead as its new owner sees it")
    @APIResponse(responseCode = "400", description = "sdrId missing, unknown or inactive; note too long")
    @APIResponse(responseCode = "404", description = "The lead has no assignment")
    @APIResponse(responseCode = "409", description = "Qualified, closed, or already that SDR's")
    public Uni<LeadCard> reassign(@PathParam("leadId") UUID leadId, ReassignRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String sdrId = request == null || request.sdrId() == null || request.sdrId().isBlank() ? null : request.sdrId().strip();
        if (sdrId == null) {
            errors.add(new FieldError("sdrId", "is required"));
        }
        String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            errors.add(new FieldError("note", "must be at most " + NOTE_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return assignments.reassign(leadId, sdrId, "manual", note, caller.getPrincipal().getName());
    }
}
