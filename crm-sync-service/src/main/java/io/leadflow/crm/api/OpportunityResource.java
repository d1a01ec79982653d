package io.leadflow.crm.api;

import io.leadflow.crm.domain.Bant;
import io.leadflow.crm.domain.CrmService;
import io.leadflow.crm.domain.Opportunity;
import io.leadflow.crm.domain.Outcome;
import io.leadflow.crm.domain.Qualification;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The built-in CRM's opportunities, for RevOps and admins. */
@Path("/api/v1/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class OpportunityResource {

    private static final int MAX_LIMIT = 200;

    private final CrmService crm;

    public OpportunityResource(CrmService crm) {
        this.crm = crm;
    }

    /** An opportunity as the API shows it. */
    public record OpportunityView(UUID id, UUID leadId, String name, String stage, String ownerId, UUID accountId,
                                  UUID contactId, BigDecimal amount, Qualification qualification, Bant bant,
                                  String notes, Instant qualifiedAt, Instant createdAt, Instant closedAt,
                                  Outcome outcome, String reason) {

        static OpportunityView of(Opportunity o) {
            return new OpportunityView(o.id, o.leadId, o.name, o.stage, o.ownerId, o.accountId, o.contactId, o.amount,
                    o.qualification, o.bant, o.notes, o.qualifiedAt, o.createdAt, o.closedAt, o.outcome, o.closeReason);
        }
    }

    /** How an opportunity closed: outcome WON or LOST, a reason (required for LOST), the amount won. */
    public record CloseRequest(String outcome, String reason, BigDecimal amount) {
    }

    public record Opportunities(List<OpportunityView> opportunities) {
    }

    @GET
    @Operation(summary = "List opportunities", description = "The opportunity of one lead (leadId), or the most recent ones.")
    @APIResponse(responseCode = "200", description = "The opportunities, newest first")
    public Uni<Opportunities> list(@QueryParam("leadId") String leadId, @QueryParam("limit") @DefaultValue("50") String limit) {
        UUID lead = leadId == null || leadId.isBlank() ? null : uuid("leadId", leadId);
        int max = limit(limit);
        return crm.list(lead, max).map(found -> new Opportunities(found.stream().map(OpportunityView::of).toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One opportunity")
    @APIResponse(responseCode = "200", description = "The opportunity")
    @APIResponse(responseCode = "404", description = "No such opportunity")
    public Uni<OpportunityView> get(@PathParam("id") String id) {
        return crm.find(uuid("id", id)).map(OpportunityView::of);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close an opportunity won or lost",
            description = "Moves it to closed-won or closed-lost and announces OpportunityClosed, which scoring learns from.")
    @APIResponse(responseCode = "200", description = "Closed")
    @APIResponse(responseCode = "400", description = "Invalid; the problem names each bad field (outcome, reason, amount)")
    @APIResponse(responseCode = "404", description = "No such opportunity")
    @APIResponse(responseCode = "409", description = "Already closed")
    public Uni<OpportunityView> close(@PathParam("id") String id, CloseRequest request) {
        UUID opportunityId = uuid("id", id);
        if (request == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a JSON object is required"));
        }
        return crm.close(opportunityId, request.outcome(), request.reason(), request.amount()).map(OpportunityView::of);
    }

    /** The open stage to move to. */
    public record StageRequest(String stage) {
    }

    @POST
    @Path("/{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an open opportunity to another stage",
            description = "discovery, demo, proposal or negotiation; announces OpportunityStageChanged.")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "400", description = "Not an open stage")
    @APIResponse(responseCode = "404", description = "No such opportunity")
    @APIResponse(responseCode = "409", description = "Already closed")
    public Uni<OpportunityView> stage(@PathParam("id") String id, StageRequest request) {
        UUID opportunityId = uuid("id", id);
        if (request == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a JSON object is required"));
        }
        return crm.moveTo(opportunityId, request.stage()).map(OpportunityView::of);
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "must be a UUID");
        }
    }

    static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
