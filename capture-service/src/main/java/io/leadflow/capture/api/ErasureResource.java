package io.leadflow.capture.api;

import io.leadflow.capture.domain.Erasure;
import io.leadflow.capture.domain.ErasureService;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Right to erasure. Admins only: an erasure cannot be undone. Capture erases at once; every other
 * service follows when it reads LeadErased (hence 202).
 */
@Path("/api/v1/admin/erasures")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final ErasureService erasures;
    private final JsonWebToken caller;

    public ErasureResource(ErasureService erasures, JsonWebToken caller) {
        this.erasures = erasures;
        this.caller = caller;
    }

    /** Exactly one of leadId and email; reason and requestReference (the privacy ticket) must hold no personal data. */
    public record ErasureRequest(UUID leadId, String email, String reason, String requestReference) {
    }

    /** An erasure request's record: the lead it named first in {@code leadIds}, then any other lead of the same address. */
    public record ErasureView(UUID requestId, UUID leadId, List<UUID> leadIds, Instant erasedAt, String erasedBy,
                              String reason, String requestReference) {

        static ErasureView of(List<Erasure> erasures) {
            Erasure first = erasures.get(0);
            return new ErasureView(first.requestId, first.leadId, erasures.stream().map(e -> e.leadId).toList(),
                    first.erasedAt, first.erasedBy, first.reason, first.requestReference);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a lead (right to erasure)", description = "By leadId, or by email (every lead holding "
            + "the address). The person's data leaves capture's tables and outbox in one transaction, and LeadErased "
            + "tells every other service to erase theirs. Role admin.")
    @APIResponse(responseCode = "202", description = "Erased in capture; the other services follow asynchronously")
    @APIResponse(responseCode = "200", description = "The lead was erased before: the first erasure, nothing changed")
    @APIResponse(responseCode = "404", description = "No such lead, or no lead holds the address (any more)")
    public Uni<Response> erase(ErasureRequest request) {
        ErasureRequest body = request == null ? new ErasureRequest(null, null, null, null) : request;
        return erasures.erase(new ErasureService.Request(body.leadId(), body.email(), blankToNull(body.reason()),
                        blankToNull(body.requestReference()), caller.getSubject()))
                .map(outcome -> {
                    ErasureView view = ErasureView.of(outcome.erasures());
                    return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                            .location(URI.create("/api/v1/admin/erasures/" + view.leadId()))
                            .entity(view).build();
                });
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "The erasure of a lead", description = "Who erased it, when and why. Role admin.")
    public Uni<ErasureView> get(@PathParam("leadId") UUID leadId) {
        return erasures.find(leadId).map(found -> {
            if (found.isEmpty()) {
                throw new NotFoundException("lead " + leadId + " is not erased");
            }
            return ErasureView.of(found);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
