package io.leadflow.capture.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leadflow.capture.domain.EngagementBatch;
import io.leadflow.capture.domain.EngagementEvent;
import io.leadflow.capture.domain.EngagementService;
import io.leadflow.capture.forms.FormCatalog;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Problem;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.util.List;

/**
 * Engagement tracking: browser beacons from the snippet (anonymous, keyed by the visitor id; {@code text/plain} so a
 * page's {@code navigator.sendBeacon} needs no CORS preflight) and integrations (e-mail tools, webinar platforms; a
 * token with role {@code integration}, which may key events by e-mail and has the integration rate budget).
 */
@Path("/api/v1/engagement")
public class EngagementResource {

    private final EngagementService engagement;
    private final FormCatalog forms;
    private final SecurityIdentity caller;
    private final ObjectReader json;

    public EngagementResource(EngagementService engagement, FormCatalog forms, SecurityIdentity caller, ObjectMapper mapper) {
        this.engagement = engagement;
        this.forms = forms;
        this.caller = caller;
        this.json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** What a recorded request answers: how many events were stored (whether any had a lead is not said). */
    public record Accepted(int accepted) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record engagement events",
            description = "One event, or {\"formId\":..., \"events\":[up to 100 events]}. An event: type (page_view, "
                    + "pricing_page_visit, email_open, email_click, content_download, webinar_attended, demo_request), "
                    + "occurredAt, visitorId or (integrations only) email, url, title, utm, detail. All events are checked "
                    + "first; one invalid event refuses the request, with a problem naming each field (events[i].field). "
                    + "A retry with the same Idempotency-Key and body stores nothing again and answers as the first request did.")
    @APIResponse(responseCode = "202", description = "Stored; events of known leads are announced as LeadEngaged")
    @APIResponse(responseCode = "400", description = "Invalid; nothing stored, every problem named")
    @APIResponse(responseCode = "403", description = "The page's origin is not one of the named form's allowed origins")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with a different body")
    public Uni<Response> track(byte[] body, @HeaderParam("Origin") String origin,
                               @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri)
            throws JsonProcessingException {
        LeadResource.checkIdempotencyKey(idempotencyKey);
        EngagementBatch request = read(body);
        admit(request.formId(), origin, uri);
        boolean integration = !caller.isAnonymous() && caller.hasRole(Roles.INTEGRATION);
        String source = integration ? "integration:" + caller.getPrincipal().getName() : "browser";
        String bodySha256 = idempotencyKey == null ? null : sha256(body);
        return engagement.record(request, integration, source, idempotencyKey, bodySha256)
                .map(recorded -> Response.accepted(new Accepted(recorded.accepted()))
                        .header("Idempotent-Replayed", recorded.replayed() ? "true" : null).build());
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @OPTIONS
    @Operation(summary = "CORS preflight", description = "Allowed for the origins some form lists (a beacon sent as "
            + "text/plain needs none).")
    public Response preflight(@HeaderParam("Origin") String origin) {
        return FormCors.preflight(forms.sharesWithAny(origin), origin);
    }

    /** One event on its own, or a batch; Jackson's type errors name their place ({@code events[2].detail}). */
    private EngagementBatch read(byte[] body) throws JsonProcessingException {
        JsonNode document;
        try {
            document = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not valid JSON");
        } catch (IOException e) {
            throw new InvalidRequestException("body", "could not be read");
        }
        if (document == null || !document.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object: one event, or {\"events\": [...]}");
        }
        Envelope envelope = json.treeToValue(document, Envelope.class);
        if (document.has("events")) {
            return new EngagementBatch(envelope.formId(), envelope.events(), true);
        }
        return new EngagementBatch(envelope.formId(), List.of(json.treeToValue(document, EngagementEvent.class)), false);
    }

    private record Envelope(String formId, List<EngagementEvent> events) {
    }

    /**
     * As for form posts: a page of an origin that the named form does not list may not send its events (a request
     * without Origin, a page of capture-service itself, or no or an unknown form id always may).
     */
    private void admit(String formId, String origin, UriInfo uri) {
        forms.find(formId == null ? null : formId.strip())
                .filter(form -> !form.admits(origin) && !FormCors.sameOrigin(origin, uri))
                .ifPresent(form -> {
                    throw new WebApplicationException(Response.fromResponse(Problem.response(403, "origin-not-allowed",
                            "Origin not allowed", "Pages of " + origin + " may not send events for form " + form.id()
                                    + "; add the origin to the form's allowedOrigins.", uri.getPath(), List.of())).build());
                });
    }
}
