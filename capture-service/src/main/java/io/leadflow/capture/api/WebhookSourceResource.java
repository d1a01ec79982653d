package io.leadflow.capture.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.capture.domain.WebhookSource;
import io.leadflow.capture.domain.WebhookSourceDefinition;
import io.leadflow.capture.domain.WebhookSourceService;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Admin API of the webhook sources: who may post signed leads, and how their JSON maps to a lead. */
@Path("/api/v1/admin/webhook-sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.REVOPS})
public class WebhookSourceResource {

    private final WebhookSourceService sources;

    public WebhookSourceResource(WebhookSourceService sources) {
        this.sources = sources;
    }

    /**
     * A source as the admin API shows it. The secret itself appears only in the answer that made it (creation,
     * rotation); otherwise only its hint.
     */
    public record WebhookSourceView(String id, String name, boolean enabled, Map<String, String> mapping,
                                    Map<String, String> defaults, String secretHint, Instant secretRotatedAt,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretValidUntil,
                                    Instant createdAt, Instant updatedAt,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static WebhookSourceView of(WebhookSource s, String newSecret) {
            return new WebhookSourceView(s.id, s.name, s.enabled, s.mapping, s.defaults, s.secretHint(), s.secretRotatedAt,
                    s.previousSecretValidUntil(Instant.now()), s.createdAt, s.updatedAt, newSecret);
        }
    }

    @GET
    @Operation(summary = "List the webhook sources")
    public Uni<List<WebhookSourceView>> list() {
        return sources.list().map(all -> all.stream().map(s -> WebhookSourceView.of(s, null)).toList());
    }

    @GET
    @Path("/{sourceId}")
    @Operation(summary = "Read a webhook source", description = "The secret is shown only as a hint (its last characters).")
    @APIResponse(responseCode = "404", description = "No such source")
    public Uni<WebhookSourceView> get(@PathParam("sourceId") String sourceId) {
        return sources.get(sourceId).map(s -> WebhookSourceView.of(s, null));
    }

    @PUT
    @Path("/{sourceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a webhook source",
            description = "Creation makes the signing secret and answers it once (201, field secret); a replacement keeps "
                    + "the secrets (200). mapping: lead field -> JSON Pointer into a delivery (email required, eventId "
                    + "optional for deduplication); defaults: lead field -> value for fields a delivery leaves empty.")
    @APIResponse(responseCode = "201", description = "Created; the answer carries the secret, shown this once")
    @APIResponse(responseCode = "200", description = "Replaced; the secrets are unchanged")
    @APIResponse(responseCode = "400", description = "Invalid definition; the problem names each bad field")
    public Uni<Response> put(@PathParam("sourceId") String sourceId, WebhookSourceDefinition definition, UriInfo uri) {
        if (definition == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a JSON object is required"));
        }
        return sources.put(sourceId, definition).map(saved -> {
            WebhookSourceView view = WebhookSourceView.of(saved.source(), saved.newSecret());
            return saved.created()
                    ? Response.created(uri.getAbsolutePath()).entity(view).header("Cache-Control", "no-store").build()
                    : Response.ok(view).build();
        });
    }

    @DELETE
    @Path("/{sourceId}")
    @Operation(summary = "Delete a webhook source", description = "Its deliveries are refused (404) from now on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such source")
    public Uni<Response> delete(@PathParam("sourceId") String sourceId) {
        return sources.delete(sourceId).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{sourceId}/secret")
    @Operation(summary = "Rotate the signing secret",
            description = "Makes a new secret and answers it once (field secret). The previous secret is still accepted "
                    + "until previousSecretValidUntil (leadflow.capture.webhooks.secret-grace-period), so the partner can "
                    + "switch without losing deliveries; a second rotation ends the grace of the first.")
    @APIResponse(responseCode = "200", description = "Rotated; the answer carries the new secret, shown this once")
    @APIResponse(responseCode = "404", description = "No such source")
    public Uni<Response> rotate(@PathParam("sourceId") String sourceId) {
        return sources.rotateSecret(sourceId).map(saved -> Response.ok(WebhookSourceView.of(saved.source(), saved.newSecret()))
                .header("Cache-Control", "no-store").build());
    }
}
