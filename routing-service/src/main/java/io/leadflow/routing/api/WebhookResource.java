package io.leadflow.routing.api;

import io.leadflow.routing.notifications.Webhooks;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Webhooks for SDRs and pools (RevOps): where assignments are posted besides the inbox and e-mail. */
@Path("/api/v1/routing/webhooks")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final SecurityIdentity caller;

    public WebhookResource(Webhooks webhooks, SecurityIdentity caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    /** A webhook to register: for an SDR or for a pool, and where to post. */
    public record WebhookRequest(String sdrId, String poolId, String url) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook", description = "For exactly one of an SDR and a pool. The answer carries "
            + "the secret that signs its deliveries (X-Leadflow-Signature), shown this once; to change it, register "
            + "a new webhook and delete the old one.")
    @APIResponse(responseCode = "201", description = "Registered; the secret is in the answer")
    @APIResponse(responseCode = "400", description = "Not exactly one of sdrId and poolId, unknown SDR or pool, a URL that is not https")
    public Uni<Response> register(WebhookRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a webhook JSON object is required");
        }
        return webhooks.register(blankToNull(request.sdrId()), blankToNull(request.poolId()), request.url(),
                        caller.getPrincipal().getName())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @Operation(summary = "Every webhook", description = "Without their secrets.")
    public Uni<List<Webhooks.View>> list() {
        return webhooks.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return webhooks.delete(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
