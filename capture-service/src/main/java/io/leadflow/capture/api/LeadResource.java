package io.leadflow.capture.api;

import io.leadflow.capture.domain.CaptureService;
import io.leadflow.capture.domain.Channel;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.forms.FormRateLimiter;
import io.leadflow.web.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The public JSON capture endpoint used by the snippet, integrations and imports. */
@Path("/api/v1/leads")
public class LeadResource {

    private final CaptureService capture;
    private final FormRateLimiter formLimits;

    public LeadResource(CaptureService capture, FormRateLimiter formLimits) {
        this.capture = capture;
        this.formLimits = formLimits;
    }

    /** What a successful capture answers: the lead's id, to correlate with later events. */
    public record Accepted(UUID leadId, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead", description = "Validates, stores and announces a lead (LeadCaptured). "
            + "The same Idempotency-Key with the same submission answers with the lead it first created; "
            + "with a different submission it is refused (422).")
    @APIResponse(responseCode = "202", description = "Captured; enrichment, scoring and routing follow asynchronously")
    @APIResponse(responseCode = "400", description = "Invalid; the problem body names each bad field, nothing was stored")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with a different submission")
    public Uni<Response> capture(LeadSubmission submission, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (submission == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a JSON object is required"));
        }
        checkIdempotencyKey(idempotencyKey);
        formLimits.take(submission.formId());
        return capture.capture(submission, Channel.API, idempotencyKey).map(LeadResource::accepted);
    }

    static void checkIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 200 characters");
        }
    }

    /** 202 with the lead's id; "captured" for a new person and a known one alike (an address's history is private). */
    static Response accepted(CaptureService.Captured captured) {
        return Response.accepted(new Accepted(captured.leadId(), "captured"))
                .header("Idempotent-Replayed", captured.replayed() ? "true" : null)
                .build();
    }
}
