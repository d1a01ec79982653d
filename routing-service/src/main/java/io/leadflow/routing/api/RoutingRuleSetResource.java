package io.leadflow.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.RoutingRuleSets;
import io.leadflow.routing.rules.RoutingDryRun;
import io.leadflow.rules.Validation;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.leadflow.web.rulesets.RuleSetStore;
import io.quarkus.security.identity.SecurityIdentity;
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

import java.util.List;

/** Routing rules as data (RevOps): versions, validation, dry-runs over routed leads, activation and roll-back. */
@Path("/api/v1/routing/rule-sets")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RoutingRuleSetResource {

    private final RoutingRuleSets ruleSets;
    private final SecurityIdentity caller;

    public RoutingRuleSetResource(RoutingRuleSets ruleSets, SecurityIdentity caller) {
        this.ruleSets = ruleSets;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every routing rule set version", description = "Newest first, each with its status (draft, "
            + "active, retired), author, creation and last activation times and its JSON definition.")
    public Uni<List<RuleSetStore.Stored>> list() {
        return ruleSets.list();
    }

    @GET
    @Path("/{version}")
    @APIResponse(responseCode = "404", description = "Unknown version")
    public Uni<RuleSetStore.Stored> get(@PathParam("version") String version) {
        return ruleSets.find(version);
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a routing rule set without storing it", description = "Answers valid, and every error "
            + "by JSON path (rules[3].route.pool, experiment.shareB ...).")
    public Validation validate(JsonNode definition) {
        return ruleSets.validate(body(definition)).validation();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a draft", description = "A routing rule set (format in the service README) under a new "
            + "version; nothing routes by it until it is activated.")
    @APIResponse(responseCode = "400", description = "Invalid: the problem lists every error by JSON path")
    @APIResponse(responseCode = "409", description = "That version is taken")
    public Uni<RuleSetStore.Stored> create(JsonNode definition) {
        return ruleSets.createDraft(body(definition), caller.getPrincipal().getName());
    }

    @POST
    @Path("/{version}/dry-run")
    @Operation(summary = "Replay routed leads under a version and under the active one", description = "The last N "
            + "routed leads (1-10000, default 500) decided by both: leads per route, rule and variant under each, the "
            + "leads whose route changes (with the rule and evidence on both sides), and the pools and SDRs the version "
            + "names that the roster lacks. Changes nothing.")
    public Uni<RoutingDryRun.Report> dryRun(@PathParam("version") String version,
                                           @QueryParam("leads") @DefaultValue("500") int leads) {
        if (leads < 1 || leads > 10_000) {
            throw new InvalidRequestException("leads", "must be between 1 and 10000");
        }
        return ruleSets.dryRun(version, leads);
    }

    @POST
    @Path("/{version}/activate")
    @Operation(summary = "Route by a version from now on", description = "The version becomes the active one on every "
            + "replica (at once here, within 10 s elsewhere); the one it replaces is retired. Assignments already made "
            + "stay. Activating the active version changes nothing.")
    @APIResponse(responseCode = "404", description = "Unknown version")
    public Uni<RuleSetStore.Stored> activate(@PathParam("version") String version) {
        return ruleSets.activate(version);
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "Go back to the version active before this one")
    @APIResponse(responseCode = "409", description = "No earlier version was ever active")
    public Uni<RuleSetStore.Stored> rollback() {
        return ruleSets.rollback();
    }

    private static JsonNode body(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw new InvalidRequestException("body", "must be a routing rule set: a JSON object");
        }
        return definition;
    }
}
