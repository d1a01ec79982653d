package io.leadflow.capture.api;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.CaptureService;
import io.leadflow.capture.domain.Channel;
import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.Utm;
import io.leadflow.capture.forms.Form;
import io.leadflow.capture.forms.FormCatalog;
import io.leadflow.capture.forms.FormRateLimiter;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Problem;
import io.leadflow.web.RateLimitedException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Submissions to one form. A plain HTML form post works without JavaScript and answers with a
 * redirect (thank-you page, or the form's error page with the reasons); the snippet posts JSON to
 * the same address and reads the answer, which browsers allow only for the form's allowed origins
 * (CORS, see {@link FormCors}).
 */
@Path("/api/v1/forms/{formId}/submissions")
public class FormSubmissionResource {

    private static final Set<String> YES = Set.of("on", "true", "yes", "1");

    private final CaptureService capture;
    private final FormCatalog forms;
    private final FormRateLimiter formLimits;
    private final CaptureConfig config;

    public FormSubmissionResource(CaptureService capture, FormCatalog forms, FormRateLimiter formLimits, CaptureConfig config) {
        this.capture = capture;
        this.forms = forms;
        this.formLimits = formLimits;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Capture a lead from an HTML form post",
            description = "Field names as in the JSON API; UTM parameters as utm_source ... utm_content, consent as a "
                    + "checkbox named consent with consentText and consentVersion. Redirects (303) to the form's thank-you "
                    + "page; when invalid, to its error page with lf_error=<field>: <reason> parameters, or answers a "
                    + "problem (400) when the form has no error page.")
    public Uni<Response> submit(@PathParam("formId") String formId, MultivaluedMap<String, String> form,
                                @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        Optional<Form> configured = admitted(formId, origin, uri);
        String consentBox = form.getFirst("consent");
        Consent consent = consentBox == null && form.getFirst("consentText") == null ? null
                : new Consent(consentBox != null && YES.contains(consentBox.toLowerCase(Locale.ROOT)),
                form.getFirst("consentText"), form.getFirst("consentVersion"));
        Utm utm = new Utm(form.getFirst("utm_source"), form.getFirst("utm_medium"), form.getFirst("utm_campaign"),
                form.getFirst("utm_term"), form.getFirst("utm_content"));
        LeadSubmission submission = new LeadSubmission(form.getFirst("email"), form.getFirst("firstName"),
                form.getFirst("lastName"), form.getFirst("company"), form.getFirst("jobTitle"), form.getFirst("phone"),
                form.getFirst("country"), form.getFirst("message"), form.getFirst("state"), form.getFirst("website"),
                form.getFirst("industry"), form.getFirst("employees"), form.getFirst("revenue"), consent, utm,
                form.getFirst("pageUrl"),
                form.getFirst("referrer"), formId, form.getFirst("lf_hp"), form.getFirst("lf_rendered_at"),
                form.getFirst("lf_first_seen_at"), form.getFirst("lf_visitor_id"));
        Optional<String> errorUrl = configured.map(f -> f.definition().errorUrl());
        return Uni.createFrom().voidItem()
                .invoke(() -> formLimits.take(formId))
                .chain(() -> capture.capture(submission, Channel.FORM, null))
                .map(captured -> Response.seeOther(URI.create(configured.map(f -> f.definition().thankYouUrl())
                                .orElse(config.thankYouUrl())))
                        .header("Leadflow-Lead-Id", captured.leadId().toString())
                        .build())
                .onFailure(failure -> errorUrl.isPresent() && (failure instanceof InvalidRequestException
                        || failure instanceof RateLimitedException))
                .recoverWithItem(failure -> Response.seeOther(withReasons(errorUrl.get(), failure)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead for this form from JSON (the embeddable snippet)",
            description = "The JSON API's body; formId comes from the path. 202 {leadId, status}, or a problem naming each field.")
    public Uni<Response> submitJson(@PathParam("formId") String formId, LeadSubmission body,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey,
                                    @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        if (body == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a JSON object is required"));
        }
        admitted(formId, origin, uri);
        LeadResource.checkIdempotencyKey(idempotencyKey);
        formLimits.take(formId);
        LeadSubmission submission = new LeadSubmission(body.email(), body.firstName(), body.lastName(), body.company(),
                body.jobTitle(), body.phone(), body.country(), body.message(), body.state(), body.website(), body.industry(),
                body.employees(), body.revenue(), body.consent(), body.utm(), body.pageUrl(), body.referrer(), formId, body.hp(), body.renderedAt(), body.firstSeenAt(), body.visitorId());
        return capture.capture(submission, Channel.FORM, idempotencyKey).map(LeadResource::accepted);
    }

    @OPTIONS
    @Operation(summary = "CORS preflight", description = "Allowed (204 with Access-Control-Allow-* headers) only for "
            + "the form's allowed origins.")
    public Response preflight(@PathParam("formId") String formId, @HeaderParam("Origin") String origin) {
        return FormCors.preflight(forms.find(formId), origin);
    }

    /**
     * The form, if configured; a page of an origin the form does not list may not post to it at all
     * (a request without Origin, or from capture-service's own pages, always may).
     */
    private Optional<Form> admitted(String formId, String origin, UriInfo uri) {
        Optional<Form> form = forms.find(formId);
        if (form.isPresent() && !form.get().admits(origin) && !FormCors.sameOrigin(origin, uri)) {
            throw new jakarta.ws.rs.WebApplicationException(Response.fromResponse(Problem.response(403,
                    "origin-not-allowed", "Origin not allowed", "Pages of " + origin + " may not post to form " + formId
                            + "; add the origin to the form's allowedOrigins.", uri.getPath(), List.of())).build());
        }
        return form;
    }

    /** The error page with each reason as lf_error=<field>: <reason>, so the page can show them. */
    static URI withReasons(String errorUrl, Throwable failure) {
        List<FieldError> errors = failure instanceof InvalidRequestException invalid ? invalid.errors()
                : List.of(new FieldError("form", failure.getMessage()));
        StringBuilder page = new StringBuilder(errorUrl);
        char separator = errorUrl.contains("?") ? '&' : '?';
        for (FieldError error : errors) {
            page.append(separator).append("lf_error=")
                    .append(URLEncoder.encode(error.field() + ": " + error.reason(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(page.toString());
    }
}
