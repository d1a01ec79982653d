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
import io.leadflow.scoring.messaging.out.LeadMarketingQualified;
import io.leadflow.scoring.repository.LeadEngagementRepository;
import io.leadflow.scoring.rules.Engagement;
import io.leadflow.scoring.rules.Score;
import io.leadflow.scoring.rules.ScoringRuleSet;
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
    private final LeadEngagementRepository engagements;

    public ScoringService(RuleSets ruleSets, LeadScoreRepository scores, LeadOutcomeRepository outcomes,
                          Outbox outbox, ObjectMapper mapper, ErasedLeads erasedLeads, ConversionModels models,
                          LeadEngagementRepository engagements) {
        this.ruleSets = ruleSets;
        this.scores = scores;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.mapper = mapper;
        this.erasedLeads = erasedLeads;
        this.models = models;
        this.engagements = engagements;
    }

    /**
     * Scores the lead by the active rule set on its enrichment and every engagement seen so far, and asks the
     * conversion model (when one is trained) how likely it is to close.
     */
    public Uni<Void> score(UUID leadId, LeadEnrichedIn enriched) {
        ObjectNode facts = mapper.createObjectNode().put("leadId", leadId.toString());
        facts.set("lead", enriched.lead());
        facts.set("enrichment", enriched.enrichment());
        return engagements.list("leadId", leadId).chain(seen -> rescore(leadId, facts, seen, "enriched"));
    }

    /**
     * Records a LeadEngaged batch (an engagement seen before counts once) and re-scores the lead when it is scored
     * already; a lead not enriched yet is scored with these engagements when its enrichment comes.
     */
    public Uni<Void> engaged(UUID leadId, JsonNode leadEngaged) {
        List<Engagement> batch = Engagement.fromLeadEngaged(leadEngaged);
        Uni<Void> stored = Uni.createFrom().voidItem();
        for (Engagement e : batch) {
            if (e.engagementId() == null) {
                continue;
            }
            UUID id = UUID.fromString(e.engagementId());
            stored = stored.chain(() -> engagements.findById(id)).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                LeadEngagement row = new LeadEngagement();
                row.engagementId = id;
                row.leadId = leadId;
                row.type = e.type();
                row.occurredAt = e.occurredAt();
                return engagements.persist(row).replaceWithVoid();
            });
        }
        return stored.chain(() -> scores.findById(leadId)).chain(score -> {
            if (score == null || score.facts == null) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode facts = readObject(score.facts);
            return engagements.list("leadId", leadId).chain(seen -> rescore(leadId, facts, seen, "engaged"));
        });
    }

    /**
     * Scores in event time: decay is measured at the latest of the capture and the engagements, never by the wall
     * clock, so redeliveries and late arrivals give the same score. LeadScored goes out when the score or grade is new
     * or changed; LeadMarketingQualified once, the first time the lead reaches the MQL threshold.
     */
    private Uni<Void> rescore(UUID leadId, ObjectNode facts, List<LeadEngagement> seen, String trigger) {
        List<Engagement> history = seen.stream()
                .map(e -> new Engagement(e.engagementId.toString(), e.type, e.occurredAt)).toList();
        Instant at = eventTime(facts, history);
        ScoringRuleSet rules = ruleSets.active();
        Score score = rules.score(ScoringFacts.of(facts), history, at);
        ScoreCard card = ScoreCard.of(score);
        ObjectNode lead = (ObjectNode) facts.get("lead");
        ObjectNode enrichment = (ObjectNode) facts.get("enrichment");
        Map<String, Object> attributes = LeadAttributes.of(lead, enrichment);
        ConversionModels.Conversion conversion = models.score(attributes).orElse(null);
        return scores.findById(leadId).chain(existing -> {
            boolean changed = existing == null || existing.score != card.value() || !existing.grade.equals(card.grade());
            LeadScore row = existing == null ? new LeadScore() : existing;
            boolean newlyQualified = score.mql() && row.mqlAt == null;
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
            if (newlyQualified) {
                row.mqlAt = row.scoredAt;
            }
            Uni<?> stored = scores.persist(row);
            if (changed) {
                stored = stored.chain(() -> outbox.append(LeadScored.TYPE, leadId, new LeadScored(lead, enrichment, card, conversion)));
            }
            if (newlyQualified) {
                stored = stored.chain(() -> outbox.append(LeadMarketingQualified.TYPE, leadId,
                        new LeadMarketingQualified(card, rules.mqlThreshold(), trigger, row.mqlAt)));
            }
            return stored.replaceWithVoid();
        });
    }

    private static Instant eventTime(ObjectNode facts, List<Engagement> history) {
        Instant at = Instant.EPOCH;
        JsonNode captured = facts.at("/lead/capturedAt");
        if (captured.isTextual()) {
            at = Instant.parse(captured.asText());
        }
        for (Engagement e : history) {
            if (e.occurredAt().isAfter(at)) {
                at = e.occurredAt();
            }
        }
        return at.equals(Instant.EPOCH) ? Instant.now() : at;
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
                        // What the rules and the model read of the person goes too; later outcomes teach nothing.
                        score.attributes = null;
                        score.facts = null;
                    }
                })
                .chain(() -> engagements.delete("leadId", leadId))
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

    private ObjectNode readObject(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scoring facts: " + e.getMessage(), e);
        }
    }
}
