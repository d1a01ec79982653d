package io.leadflow.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.scoring.messaging.in.LeadEnrichedIn;
import io.leadflow.scoring.messaging.in.LeadErasedIn;
import io.leadflow.scoring.messaging.in.OpportunityClosedIn;
import io.leadflow.scoring.messaging.out.LeadScored;
import io.leadflow.scoring.model.LeadAttributes;
import io.leadflow.scoring.rules.Score;
import io.leadflow.scoring.rules.ScoringFacts;
import io.leadflow.scoring.repository.LeadOutcomeRepository;
import io.leadflow.scoring.repository.LeadScoreRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Scores leads and records outcomes; both run inside the consumer's inbox transaction. */
@ApplicationScoped
public class ScoringService {

    private final RuleSets ruleSets;
    private final LeadScoreRepository scores;
    private final LeadOutcomeRepository outcomes;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ErasedLeads erasedLeads;
    private final ConversionModels models;

    public ScoringService(RuleSets ruleSets, LeadScoreRepository scores, LeadOutcomeRepository outcomes,
                          Outbox outbox, ObjectMapper mapper, ErasedLeads erasedLeads, ConversionModels models) {
        this.ruleSets = ruleSets;
        this.scores = scores;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.mapper = mapper;
        this.erasedLeads = erasedLeads;
        this.models = models;
    }

    /**
     * Scores the lead by the active rule set, and asks the conversion model (when one is trained) how likely it is to
     * close; LeadScored is published when the score or grade is new or changed.
     */
    public Uni<Void> score(UUID leadId, LeadEnrichedIn enriched) {
        ObjectNode facts = mapper.createObjectNode().put("leadId", leadId.toString());
        facts.set("lead", enriched.lead());
        facts.set("enrichment", enriched.enrichment());
        Score score = ruleSets.active().score(ScoringFacts.of(facts), List.of(), Instant.now());
        ScoreCard card = ScoreCard.of(score);
        Map<String, Object> attributes = LeadAttributes.of(enriched.lead(), enriched.enrichment());
        ConversionModels.Conversion conversion = models.score(attributes).orElse(null);
        return scores.findById(leadId).chain(existing -> {
            boolean changed = existing == null || existing.score != card.value() || !existing.grade.equals(card.grade());
            LeadScore row = existing == null ? new LeadScore() : existing;
            row.leadId = leadId;
            row.score = card.value();
            row.grade = card.grade();
            row.reasons = json(card.reasons());
            row.ruleSetVersion = card.ruleSetVersion();
            row.fit = score.fit();
            row.engagement = score.engagement();
            row.intent = score.intent();
            row.temperature = card.temperature();
            row.mql = score.mql();
            row.facts = facts.toString();
            row.attributes = json(attributes);
            row.conversionProbability = conversion == null ? null : conversion.probability();
            row.modelVersion = conversion == null ? null : conversion.modelVersion();
            row.scoredAt = Instant.now();
            Uni<LeadScore> stored = scores.persist(row);
            return changed
                    ? stored.chain(() -> outbox.append(LeadScored.TYPE, leadId,
                            new LeadScored(enriched.lead(), enriched.enrichment(), card, conversion))).replaceWithVoid()
                    : stored.replaceWithVoid();
        });
    }

    /**
     * Stores a won/lost outcome against the lead (the same opportunity closing again overwrites it); a new outcome
     * also teaches the champion model one step, from what it read of the lead when it was scored.
     */
    public Uni<Void> recordOutcome(UUID leadId, OpportunityClosedIn closed) {
        return outcomes.findById(closed.opportunityId()).chain(existing -> {
            boolean isNew = existing == null;
            LeadOutcome row = existing == null ? new LeadOutcome() : existing;
            row.opportunityId = closed.opportunityId();
            row.leadId = leadId;
            row.outcome = closed.outcome();
            row.reason = closed.reason();
            row.amount = closed.amount();
            row.closedAt = closed.closedAt();
            row.recordedAt = Instant.now();
            return outcomes.persist(row)
                    .chain(() -> isNew ? scores.findById(leadId) : Uni.createFrom().nullItem())
                    .chain(score -> score == null || score.attributes == null
                            ? Uni.createFrom().voidItem()
                            : models.learn(attributes(score.attributes), "WON".equals(closed.outcome())));
        });
    }

    /**
     * Right to erasure: the score, grade, rule names and points stay (they are about the model, not the
     * person); each reason's evidence ("VP Sales", the company's domain) and the attributes the model read go, and so do the lead's
     * outbox rows (LeadScored carries the whole lead). Outcomes hold no personal data and stay.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> scores.findById(leadId))
                .invoke(score -> {
                    if (score != null) {
                        score.reasons = withoutEvidence(score.reasons);
                        score.attributes = null;
                        score.facts = null; // what the model read of the person goes too; later outcomes teach nothing
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

    private Map<String, Object> attributes(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lead attributes: " + e.getMessage(), e);
        }
    }
}
