package io.leadflow.routing.api;

import io.leadflow.routing.domain.DecisionRecord;
import io.leadflow.routing.domain.RoutingRecords;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Why a lead went where it went: the decision record. */
@Path("/api/v1/leads/{leadId}/routing")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionRecordResource {

    private final RoutingRecords records;
    private final SecurityIdentity caller;

    public DecisionRecordResource(RoutingRecords records, SecurityIdentity caller) {
        this.records = records;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REVOPS, Roles.ADMIN, Roles.SDR})
    @Operation(summary = "A lead's routing decision", description = "Outcome, rule set, rule, variant and bucket, route, "
            + "evidence, every SDR considered with the reason each was skipped, the steps taken, the time it took, "
            + "the current owner and, while the lead waits, its hold. An SDR sees only the leads they hold.")
    @APIResponse(responseCode = "200", description = "The decision record")
    @APIResponse(responseCode = "404", description = "No decision for the lead (or, for an SDR, not their lead)")
    public Uni<DecisionRecord> decision(@PathParam("leadId") UUID leadId) {
        boolean staff = caller.hasRole(Roles.REVOPS) || caller.hasRole(Roles.ADMIN);
        return records.explain(leadId, staff ? null : caller.getPrincipal().getName());
    }
}
