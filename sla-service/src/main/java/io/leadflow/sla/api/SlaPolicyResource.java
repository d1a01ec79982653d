package io.leadflow.sla.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.rules.Validation;
import io.leadflow.sla.policy.SlaPolicies;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.leadflow.web.rulesets.RuleSetStore;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** SLA policies and business calendars as data: drafts, validation, activation and roll-back (RevOps). */
@Path("/api/v1/sla/policies")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

    private final SlaPolicies policies;
    private final SecurityIdentity caller;

    public SlaPolicyResource(SlaPolicies policies, SecurityIdentity caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every SLA policy set", description = "Newest first: version, status (draft, active, retired), "
            + "who created it and when, when it was last activated, the definition.")
    public Uni<List<RuleSetStore.Stored>> list() {
        return policies.list();
    }

    @GET
    @Path("/{version}")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<RuleSetStore.Stored> get(@PathParam("version") String version) {
        return policies.find(version);
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a policy set without storing it")
    public Validation validate(JsonNode definition) {
        return policies.validate(required(definition)).validation();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft", description = "The policy set JSON (format in the README); its version must be "
            + "new. Validated first: a 400 problem lists every error by JSON path (policies[1].firstTouch ...).")
    @APIResponse(responseCode = "400", description = "Invalid; every error named by its path")
    @APIResponse(responseCode = "409", description = "The version exists")
    public Uni<RuleSetStore.Stored> create(JsonNode definition) {
        return policies.createDraft(required(definition), caller.getPrincipal().getName());
    }

    @POST
    @Path("/{version}/activate")
    @Operation(summary = "Activate a version", description = "Leads assigned from now on fall under its policies, and "
            + "clocks started from now on (follow-ups, reassignments) use its deadlines; a running clock keeps its "
            + "deadline. Every replica uses it within 10 s.")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<RuleSetStore.Stored> activate(@PathParam("version") String version) {
        return policies.activate(version);
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "Re-activate the previously active version")
    @APIResponse(responseCode = "409", description = "Nothing to roll back to")
    public Uni<RuleSetStore.Stored> rollback() {
        return policies.rollback();
    }

    private static JsonNode required(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw new InvalidRequestException("body", "an SLA policy set JSON object is required");
        }
        return definition;
    }
}
