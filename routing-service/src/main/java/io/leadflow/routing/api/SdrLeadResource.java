package io.leadflow.routing.api;

import io.leadflow.routing.domain.AssignmentService;
import io.leadflow.routing.domain.Closing;
import io.leadflow.routing.domain.Decline;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.Qualification;
import io.leadflow.routing.domain.QualificationTemplates;
import io.leadflow.web.FieldError;
import io.leadflow.routing.domain.Reassignments;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An SDR's own leads and what they do with them; the token's subject is the SDR id. */
@Path("/api/v1/sdr/leads")
@RolesAllowed(Roles.SDR)
@Produces(MediaType.APPLICATION_JSON)
public class SdrLeadResource {

    static final int MAX_LIMIT = 200;

    private final AssignmentService assignments;
    private final QualificationTemplates templates;
    private final Reassignments reassignments;
    private final JsonWebToken caller;

    public SdrLeadResource(AssignmentService assignments, QualificationTemplates templates, Reassignments reassignments,
                           JsonWebToken caller) {
        this.assignments = assignments;
        this.templates = templates;
        this.reassignments = reassignments;
        this.caller = caller;
    }

    /**
     * The body of a qualification: a framework (a template id; absent = the default template), the answers by field
     * key, optional notes. {@code bant} is the body before templates existed, still accepted as framework bant.
     */
    public record QualifyRequest(String framework, Map<String, String> answers, Bant bant, String notes) {
        public record Bant(String budget, String authority, String need, String timeline) {
        }
    }

    @GET
    @Operation(summary = "My leads", description = "The caller's assigned leads with their full context, newest first.")
    public Uni<List<LeadCard>> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom().failure(new InvalidRequestException("limit", "must be from 1 to " + MAX_LIMIT));
        }
        return assignments.leadsOf(caller.getSubject(), limit);
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "One of my leads")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    public Uni<LeadCard> get(@PathParam("leadId") UUID leadId) {
        return assignments.leadOf(caller.getSubject(), leadId);
    }

    @POST
    @Path("/{leadId}/accept")
    @Operation(summary = "Accept a lead", description = "Publishes LeadAccepted once; accepting again answers the lead unchanged.")
    @APIResponse(responseCode = "200", description = "Accepted (now or before)")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    public Uni<LeadCard> accept(@PathParam("leadId") UUID leadId) {
        return assignments.accept(caller.getSubject(), leadId);
    }

    /** A touch to log: channel, outcome, an optional note, and when (default now). */
    public record TouchRequest(String channel, String outcome, String note, Instant touchedAt) {
    }

    /** A reason code and an optional note, to disqualify a lead or send it back to nurture. */
    public record CloseRequest(String reason, String note) {
    }

    @POST
    @Path("/{leadId}/touches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a touch", description = "A call, e-mail, LinkedIn message, SMS or meeting and what came of it "
            + "(channel: " + "call, email, linkedin, sms, meeting, other; outcome: connected, replied, meeting_booked, "
            + "left_voicemail, no_answer, bounced, wrong_contact, sent). Publishes LeadTouched.")
    @APIResponse(responseCode = "200", description = "Logged; the lead with its touch count")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; the problem names each field")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    @APIResponse(responseCode = "409", description = "The lead is closed (disqualified or nurtured)")
    public Uni<LeadCard> touch(@PathParam("leadId") UUID leadId, TouchRequest request) {
        if (request == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a touch JSON object is required"));
        }
        return assignments.touch(caller.getSubject(), leadId, request.channel(), request.outcome(), request.note(),
                request.touchedAt());
    }

    @POST
    @Path("/{leadId}/disqualify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disqualify a lead", description = "With a reason code (not_a_fit, no_budget, no_authority, "
            + "no_need, bad_timing, competitor, student, spam, unreachable, duplicate, wrong_contact, other) and an "
            + "optional note. Publishes LeadDisqualified; scoring learns it as a lost outcome unless the reason says "
            + "the lead itself was not judged.")
    @APIResponse(responseCode = "200", description = "Disqualified")
    @APIResponse(responseCode = "400", description = "Unknown or missing reason, note too long")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    @APIResponse(responseCode = "409", description = "The lead is not assigned or accepted (qualified or closed)")
    public Uni<LeadCard> disqualify(@PathParam("leadId") UUID leadId, CloseRequest request) {
        return close(leadId, request == null ? Closing.disqualify(null, null)
                : Closing.disqualify(request.reason(), request.note()));
    }

    @POST
    @Path("/{leadId}/nurture")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a lead back to nurture", description = "A real buyer, not now: with a reason code "
            + "(not_ready, bad_timing, no_response, no_budget_yet, researching, other) and an optional note. "
            + "Publishes LeadNurtured.")
    @APIResponse(responseCode = "200", description = "Sent to nurture")
    @APIResponse(responseCode = "400", description = "Unknown or missing reason, note too long")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    @APIResponse(responseCode = "409", description = "The lead is not assigned or accepted (qualified or closed)")
    public Uni<LeadCard> nurture(@PathParam("leadId") UUID leadId, CloseRequest request) {
        return close(leadId, request == null ? Closing.nurture(null, null)
                : Closing.nurture(request.reason(), request.note()));
    }

    private Uni<LeadCard> close(UUID leadId, Closing.Result result) {
        if (!result.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        return assignments.close(caller.getSubject(), leadId, result.closing());
    }

    @POST
    @Path("/{leadId}/qualify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Qualify an accepted lead", description = "Records the answers to a qualification template "
            + "(framework bant, meddic, champ or one RevOps configured; GET /api/v1/sdr/qualification-templates lists "
            + "them) and publishes LeadQualified (SQL). The former body {\"bant\": {...}} is still accepted as framework bant.")
    @APIResponse(responseCode = "200", description = "Qualified")
    @APIResponse(responseCode = "400", description = "Unknown framework; an answer missing, too long or not a field of "
            + "the template; the problem names each field (answers.champion)")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    @APIResponse(responseCode = "409", description = "The lead is not accepted, or already qualified")
    public Uni<LeadCard> qualify(@PathParam("leadId") UUID leadId, QualifyRequest request) {
        QualifyRequest body = request == null ? new QualifyRequest(null, null, null, null) : request;
        Qualification.Result result = body.bant() == null
                ? Qualification.of(templates, body.framework(), body.answers(), body.notes(), "answers")
                : legacyBant(body);
        if (!result.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        return assignments.qualify(caller.getSubject(), leadId, result.qualification());
    }

    // The body before templates: {"bant": {budget, authority, need, timeline}, "notes"}; errors keep naming bant.need.
    private Qualification.Result legacyBant(QualifyRequest body) {
        if (body.answers() != null) {
            return invalid("bant", "send either bant or answers, not both");
        }
        if (body.framework() != null && !body.framework().equals(QualificationTemplates.BANT)) {
            return invalid("bant", "is only for framework bant; send the " + body.framework() + " answers as answers");
        }
        QualifyRequest.Bant bant = body.bant();
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("budget", bant.budget());
        answers.put("authority", bant.authority());
        answers.put("need", bant.need());
        answers.put("timeline", bant.timeline());
        return Qualification.of(templates, QualificationTemplates.BANT, answers, body.notes(), "bant");
    }

    private static Qualification.Result invalid(String field, String reason) {
        return new Qualification.Result(null, List.of(new FieldError(field, reason)));
    }

    /** Why the SDR gives a lead back: a reason code and a note (required for {@code other}). */
    public record DeclineRequest(String reason, String note) {
    }

    @POST
    @Path("/{leadId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline a lead", description = "Gives an assigned or accepted lead back, with a reason code "
            + "(wrong_territory, conflict_of_interest, no_capacity, not_my_segment, other: a note is then required) "
            + "and an optional note. The lead goes to the next available member of its pool, never back to an SDR "
            + "who declined it; publishes LeadReassigned (reason declined, the note: the reason code and the note).")
    @APIResponse(responseCode = "200", description = "Declined: the reason and who has the lead now")
    @APIResponse(responseCode = "400", description = "Unknown or missing reason, missing note for other, note too long")
    @APIResponse(responseCode = "404", description = "No such lead among the caller's leads")
    @APIResponse(responseCode = "409", description = "The lead is qualified or closed, or nobody else in its pool can "
            + "take it now (it stays the caller's)")
    public Uni<Reassignments.Declined> decline(@PathParam("leadId") UUID leadId, DeclineRequest request) {
        Decline.Result result = request == null ? Decline.of(null, null) : Decline.of(request.reason(), request.note());
        if (!result.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(result.errors()));
        }
        return reassignments.decline(caller.getSubject(), leadId, result.decline());
    }
}
