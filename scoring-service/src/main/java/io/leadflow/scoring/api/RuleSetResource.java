package io.leadflow.scoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.rules.Validation;
import io.leadflow.scoring.domain.RuleSets;
import io.leadflow.scoring.domain.ScoringService;
import io.leadflow.scoring.rules.DryRun;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
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

/** Scoring rule sets as data: drafts, validation, dry-runs, activation and roll-back (RevOps). */
@Path("/api/v1/scoring/rule-sets")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    /** Leads re-scored per transaction when an activation asks for it: short row locks, bounded memory. */
    static final int RESCORE_PAGE = 200;

    private final RuleSets ruleSets;
    private final ScoringService scoring;
    private final SecurityIdentity caller;

    public RuleSetResource(RuleSets ruleSets, ScoringService scoring, SecurityIdentity caller) {
        this.ruleSets = ruleSets;
        this.scoring = scoring;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every rule set", description = "Newest first: version, status (draft, active, retired), who "
            + "created it and when, when it was last activated, the definition.")
    public Uni<List<RuleSets.Version>> list() {
        return ruleSets.list();
    }

    @GET
    @Path("/{version}")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<RuleSets.Version> get(@PathParam("version") String version) {
        return ruleSets.find(version);
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a rule set without storing it")
    public Validation validate(JsonNode definition) {
        return ruleSets.validate(required(definition)).validation();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft", description = "The rule set JSON (format in the README); its version must be "
            + "new. Validated first: a 400 problem lists every error by JSON path (rules[2].when.field ...).")
    @APIResponse(responseCode = "400", description = "Invalid; every error named by its path")
    @APIResponse(responseCode = "409", description = "The version exists")
    public Uni<RuleSets.Version> create(JsonNode definition) {
        return ruleSets.createDraft(required(definition), caller.getPrincipal().getName());
    }

    @POST
    @Path("/{version}/dry-run")
    @Operation(summary = "Dry-run a version against the active one", description = "Scores the last N scored leads "
            + "with both and answers the grade and temperature distributions and the leads that would cross above or "
            + "fall below the MQL threshold. Nothing is changed.")
    public Uni<DryRun.Report> dryRun(@PathParam("version") String version,
                                    @QueryParam("leads") @DefaultValue("500") int leads) {
        if (leads < 1 || leads > 10_000) {
            throw new InvalidRequestException("leads", "must be between 1 and 10000");
        }
        return ruleSets.dryRun(version, leads);
    }

    @POST
    @Path("/{version}/activate")
    @Operation(summary = "Activate a version", description = "Leads are scored by it from their next signal on; scores "
            + "already given stay, and no event is re-emitted for old leads - unless rescore=true: then every scored "
            + "lead is re-scored by it before the answer (pages of " + RESCORE_PAGE + " leads, one transaction each), "
            + "LeadScored goes out for each lead whose score or grade changed and LeadMarketingQualified for each that "
            + "crosses the threshold for the first time; the answer's 'rescore' counts them. Safe to repeat.")
    public Uni<RuleSets.Version> activate(@PathParam("version") String version,
                                          @QueryParam("rescore") @DefaultValue("false") String rescore) {
        if (!"true".equals(rescore) && !"false".equals(rescore)) {
            throw new InvalidRequestException("rescore", "must be true or false");
        }
        Uni<RuleSets.Version> activated = ruleSets.activate(version);
        return "true".equals(rescore)
                ? activated.chain(active -> scoring.rescoreAll(RESCORE_PAGE).map(active::withRescore))
                : activated;
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "Re-activate the previously active version")
    @APIResponse(responseCode = "409", description = "Nothing to roll back to")
    public Uni<RuleSets.Version> rollback() {
        return ruleSets.rollback();
    }

    private static JsonNode required(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw new InvalidRequestException("body", "a rule set JSON object is required");
        }
        return definition;
    }
}
