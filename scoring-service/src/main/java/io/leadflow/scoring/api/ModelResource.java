package io.leadflow.scoring.api;

import io.leadflow.scoring.domain.ConversionModels;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** The learned conversion models: which one scores, how good each is, training and promotion. */
@Path("/api/v1/scoring/models")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ConversionModels models;

    public ModelResource(ConversionModels models) {
        this.models = models;
    }

    @GET
    @Operation(summary = "Every model version kept", description = "Newest first: kind, status (champion, challenger, "
            + "retired), when trained, on how many outcomes, online updates since, and the cross-validated AUC, log-loss, "
            + "Brier score and calibration by decile.")
    public Uni<List<ConversionModels.ModelView>> list() {
        return models.list();
    }

    @GET
    @Path("/active")
    @Operation(summary = "The champion model, the one that scores leads")
    @APIResponse(responseCode = "404", description = "No model trained yet")
    public Uni<ConversionModels.ModelView> active() {
        return models.active();
    }

    @POST
    @Path("/train")
    @Operation(summary = "Train a challenger on every outcome known", description = "Logistic regression, 5-fold "
            + "cross-validated, then fitted on all outcomes; it becomes champion when its AUC is at least 0.005 higher "
            + "and its log-loss no worse than the champion's, or when there is no champion.")
    @APIResponse(responseCode = "200", description = "Trained; says whether it was promoted and why")
    @APIResponse(responseCode = "422", description = "Not enough outcomes yet")
    public Uni<ConversionModels.TrainingResult> train() {
        return models.train();
    }

    @POST
    @Path("/{version}/promote")
    @Operation(summary = "Make a kept version champion", description = "Overrides the comparison, or rolls back.")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<ConversionModels.ModelView> promote(@PathParam("version") int version) {
        return models.promote(version);
    }
}
