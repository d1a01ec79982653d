package io.leadflow.routing.api;

import io.leadflow.routing.domain.AssignmentService;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.Qualification;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** An SDR's own leads and what they do with them; the token's subject is the SDR id. */
@Path("/api/v1/sdr/leads")
@RolesAllowed(Roles.SDR)
@Produces(MediaType.APPLICATION_JSON)
public class SdrLeadResource {

    static final int MAX_LIMIT = 200;

    private final AssignmentService assignments;
    private final JsonWebToken caller;

    public SdrLeadResource(AssignmentService assignments, JsonWebToken caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    /** The body of a qualification: the four BANT answers and optional notes. */
    public record QualifyRequest(Bant bant, String notes) {
        public record Bant(String budget, String authority, String need, String timeline) {
        }
    }

    @GET
    @Operation(summary = "My leads", description = "The caller's assigned leads with their full context, newest first.")
    public Uni<List<LeadCard>> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom().failure(new InvalidRequestException("limit", "must be from 1 to " + MAX_LIMIT));
        }
        return assignments.leadsOf(caller.getSubject(), limit);
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "One of my leads")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    public Uni<LeadCard> get(@PathParam("leadId") UUID leadId) {
        return assignments.leadOf(caller.getSubject(), leadId);
    }

    @POST
    @Path("/{leadId}/accept")
    @Operation(summary = "Accept a lead", description = "Publishes LeadAccepted once; accepting again answers the lead unchanged.")
    @APIResponse(responseCode = "200", description = "Accepted (now or before)")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    public Uni<LeadCard> accept(@PathParam("leadId") UUID leadId) {
        return assignments.accept(caller.getSubject(), leadId);
    }

    @POST
    @Path("/{leadId}/qualify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Qualify an accepted lead", description = "Records the BANT answers and publishes LeadQualified (SQL).")
    @APIResponse(responseCode = "200", description = "Qualified")
    @APIResponse(responseCode = "400", description = "A BANT answer is missing or too long; the problem names each field")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    @APIResponse(responseCode = "409", description = "The lead is not accepted, or already qualified")
    public Uni<LeadCard> qualify(@PathParam("leadId") UUID leadId, QualifyRequest request) {
        QualifyRequest.Bant bant = request == null || request.bant() == null
                ? new QualifyRequest.Bant(null, null, null, null) : request.bant();
        Qualification.Result result = Qualification.of(bant.budget(), bant.authority(), bant.need(), bant.timeline(),
                request == null ? null : request.notes());
        if (!result.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        return assignments.qualify(caller.getSubject(), leadId, result.qualification());
    }
}
