package io.leadflow.capture.api;

import io.leadflow.capture.domain.LeadIdentity;
import io.leadflow.capture.repository.LeadRepository;
import io.leadflow.capture.repository.SubmissionRepository;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** RevOps' view of captured leads: who the person is now and the history of their submissions. */
@Path("/api/v1/leads")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LeadAdminResource {

    private final LeadRepository leads;
    private final SubmissionRepository submissions;

    public LeadAdminResource(LeadRepository leads, SubmissionRepository submissions) {
        this.leads = leads;
        this.submissions = submissions;
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "A lead and its submissions", description = "The lead as known now (gaps filled by later "
            + "submissions, latest consent) and every submission as it came in, oldest first. Roles revops, admin.")
    public Uni<LeadView> get(@PathParam("leadId") UUID leadId) {
        return Panache.withSession(() -> leads.findById(leadId).chain(lead -> {
            if (lead == null) {
                throw new NotFoundException("no lead " + leadId);
            }
            return submissions.ofLead(leadId).map(history -> LeadView.of(lead, history));
        }));
    }

    @GET
    @Operation(summary = "Find a lead by e-mail", description = "The lead of this address (any case, Unicode or ASCII "
            + "domain), with its submissions. Roles revops, admin.")
    public Uni<LeadView> byEmail(@QueryParam("email") String email) {
        String key = email == null ? null : LeadIdentity.of(email).orElse(null);
        if (key == null) {
            return Uni.createFrom().failure(new InvalidRequestException("email", "an e-mail address is required"));
        }
        return Panache.withSession(() -> leads.find("emailKey", key).firstResult().chain(lead -> {
            if (lead == null) {
                throw new NotFoundException("no lead with this e-mail address");
            }
            return submissions.ofLead(lead.id).map(history -> LeadView.of(lead, history));
        }));
    }
}
