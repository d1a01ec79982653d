package io.leadflow.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.scoring.config.ScoringConfig;
import io.leadflow.scoring.messaging.in.LeadEnrichedIn;
import io.leadflow.scoring.messaging.in.LeadErasedIn;
import io.leadflow.scoring.messaging.in.OpportunityClosedIn;
import io.leadflow.scoring.messaging.out.LeadScored;
import io.leadflow.scoring.repository.LeadOutcomeRepository;
import io.leadflow.scoring.repository.LeadScoreRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Scores leads and records outcomes; both run inside the consumer's inbox transaction. */
@ApplicationScoped
public class ScoringService {

    private final RuleSet rules;
    private final LeadScoreRepository scores;
    private final LeadOutcomeRepository outcomes;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ErasedLeads erasedLeads;

    public ScoringService(ScoringConfig config, LeadScoreRepository scores, LeadOutcomeRepository outcomes,
                          Outbox outbox, ObjectMapper mapper, ErasedLeads erasedLeads) {
        this.rules = new RuleSet(config.ruleSetVersion(), config.points(), Set.copyOf(config.targetCountries()),
                Set.copyOf(config.intentForms()));
        this.scores = scores;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.mapper = mapper;
        this.erasedLeads = erasedLeads;
    }

    /** Scores the lead; LeadScored is published when the score or grade is new or changed. */
    public Uni<Void> score(UUID leadId, LeadEnrichedIn enriched) {
        ScoreCard card = rules.score(enriched.facts());
        return scores.findById(leadId).chain(existing -> {
            boolean changed = existing == null || existing.score != card.value() || !existing.grade.equals(card.grade());
            LeadScore row = existing == null ? new LeadScore() : existing;
            row.leadId = leadId;
            row.score = card.value();
            row.grade = card.grade();
            row.reasons = json(card.reasons());
            row.ruleSetVersion = card.ruleSetVersion();
            row.scoredAt = Instant.now();
            Uni<LeadScore> stored = scores.persist(row);
            return changed
                    ? stored.chain(() -> outbox.append(LeadScored.TYPE, leadId,
                            new LeadScored(enriched.lead(), enriched.enrichment(), card))).replaceWithVoid()
                    : stored.replaceWithVoid();
        });
    }

    /** Stores a won/lost outcome against the lead; the same opportunity closing again overwrites it. */
    public Uni<Void> recordOutcome(UUID leadId, OpportunityClosedIn closed) {
        return outcomes.findById(closed.opportunityId()).chain(existing -> {
            LeadOutcome row = existing == null ? new LeadOutcome() : existing;
            row.opportunityId = closed.opportunityId();
            row.leadId = leadId;
            row.outcome = closed.outcome();
            row.reason = closed.reason();
            row.amount = closed.amount();
            row.closedAt = closed.closedAt();
            row.recordedAt = Instant.now();
            return outcomes.persist(row).replaceWithVoid();
        });
    }

    /**
     * Right to erasure: the score, grade, rule names and points stay (they are about the model, not the
     * person); each reason's evidence ("VP Sales", the company's domain) goes, and so do the lead's
     * outbox rows (LeadScored carries the whole lead). Outcomes hold no personal data and stay.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> scores.findById(leadId))
                .invoke(score -> {
                    if (score != null) {
                        score.reasons = withoutEvidence(score.reasons);
                    }
                })
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }

    private String withoutEvidence(String reasons) {
        try {
            JsonNode parsed = mapper.readTree(reasons);
            parsed.forEach(reason -> {
                if (reason instanceof ObjectNode fields) {
                    fields.putNull("evidence");
                }
            });
            return mapper.writeValueAsString(parsed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
