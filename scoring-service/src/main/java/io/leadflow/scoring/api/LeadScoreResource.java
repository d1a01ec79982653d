package io.leadflow.scoring.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.domain.LeadOutcome;
import io.leadflow.scoring.repository.LeadOutcomeRepository;
import io.leadflow.scoring.repository.LeadScoreRepository;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Why a lead scored what it did, and how its opportunities ended. */
@Path("/api/v1/leads/{leadId}/score")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class LeadScoreResource {

    private final LeadScoreRepository scores;
    private final LeadOutcomeRepository outcomes;
    private final ObjectMapper mapper;

    public LeadScoreResource(LeadScoreRepository scores, LeadOutcomeRepository outcomes, ObjectMapper mapper) {
        this.scores = scores;
        this.outcomes = outcomes;
        this.mapper = mapper;
    }

    public record Outcome(UUID opportunityId, String outcome, String reason, BigDecimal amount, Instant closedAt) {
    }

    public record ScoreView(UUID leadId, int score, String grade, JsonNode reasons, String ruleSetVersion,
                            Instant scoredAt, List<Outcome> outcomes) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "A lead's score, grade and reasons, and the outcomes of its opportunities")
    public Uni<ScoreView> score(@PathParam("leadId") UUID leadId) {
        return scores.findById(leadId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no score for lead " + leadId))
                .chain(score -> outcomes.ofLead(leadId).map(closed -> new ScoreView(leadId, score.score, score.grade,
                        parse(score.reasons), score.ruleSetVersion, score.scoredAt,
                        closed.stream().map(LeadScoreResource::view).toList())));
    }

    private static Outcome view(LeadOutcome o) {
        return new Outcome(o.opportunityId, o.outcome, o.reason, o.amount, o.closedAt);
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
