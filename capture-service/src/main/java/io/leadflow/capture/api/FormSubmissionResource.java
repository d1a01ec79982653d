package io.leadflow.capture.api;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.CaptureService;
import io.leadflow.capture.domain.Channel;
import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.Utm;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Set;

/** Plain HTML form posts: works without JavaScript and answers with a redirect to a thank-you page. */
@Path("/api/v1/forms/{formId}/submissions")
public class FormSubmissionResource {

    private static final Set<String> YES = Set.of("on", "true", "yes", "1");

    private final CaptureService capture;
    private final CaptureConfig config;

    public FormSubmissionResource(CaptureService capture, CaptureConfig config) {
        this.capture = capture;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Capture a lead from an HTML form post",
            description = "Field names as in the JSON API; UTM parameters as utm_source ... utm_content, consent as a "
                    + "checkbox named consent with consentText and consentVersion. Redirects (303) to the thank-you page.")
    public Uni<Response> submit(@PathParam("formId") String formId, MultivaluedMap<String, String> form) {
        String consentBox = form.getFirst("consent");
        Consent consent = consentBox == null && form.getFirst("consentText") == null ? null
                : new Consent(consentBox != null && YES.contains(consentBox.toLowerCase(java.util.Locale.ROOT)),
                form.getFirst("consentText"), form.getFirst("consentVersion"));
        Utm utm = new Utm(form.getFirst("utm_source"), form.getFirst("utm_medium"), form.getFirst("utm_campaign"),
                form.getFirst("utm_term"), form.getFirst("utm_content"));
        LeadSubmission submission = new LeadSubmission(form.getFirst("email"), form.getFirst("firstName"),
                form.getFirst("lastName"), form.getFirst("company"), form.getFirst("jobTitle"), form.getFirst("phone"),
                form.getFirst("country"), form.getFirst("message"), consent, utm, form.getFirst("pageUrl"),
                form.getFirst("referrer"), formId, form.getFirst("lf_hp"), form.getFirst("lf_rendered_at"),
                form.getFirst("lf_first_seen_at"), form.getFirst("lf_visitor_id"));
        return capture.capture(submission, Channel.FORM, null)
                .map(captured -> Response.seeOther(thankYouUrl(formId))
                        .header("Leadflow-Lead-Id", captured.leadId().toString())
                        .build());
    }

    private URI thankYouUrl(String formId) {
        CaptureConfig.FormSettings form = config.forms().get(formId);
        return URI.create(form != null ? form.thankYouUrl() : config.thankYouUrl());
    }
}
