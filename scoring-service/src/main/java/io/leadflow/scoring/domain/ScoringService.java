package io.leadflow.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.scoring.messaging.in.LeadEnrichedIn;
import io.leadflow.scoring.messaging.in.LeadDisqualifiedIn;
import io.leadflow.scoring.messaging.in.LeadErasedIn;
import io.leadflow.scoring.messaging.in.LeadTouchedIn;
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
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** The engagement type of a touch the person answered (LeadTouched: connected, replied, meeting booked). */
    static final String REPLY = "reply";

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
        return engagements.list("leadId", leadId).chain(seen -> rescore(leadId, facts, seen, "enriched")).replaceWithVoid();
    }

    /**
     * Records a LeadEngaged batch (an engagement seen before counts once) and re-scores the lead when it is scored
     * already; a lead not enriched yet is scored with these engagements when its enrichment comes.
     */
    public Uni<Void> engaged(UUID leadId, JsonNode leadEngaged) {
        return recordEngagements(leadId, Engagement.fromLeadEngaged(leadEngaged), "engaged");
    }

    /**
     * A touch the person answered (connected, replied, meeting booked) is a {@code reply} engagement at the time of
     * the touch, by the touch's id; touches nobody answered change nothing.
     */
    public Uni<Void> touched(UUID leadId, LeadTouchedIn touch) {
        if (!touch.answered()) {
            return Uni.createFrom().voidItem();
        }
        return recordEngagements(leadId, List.of(new Engagement(touch.touchId().toString(), REPLY, touch.touchedAt())),
                "replied");
    }

    private Uni<Void> recordEngagements(UUID leadId, List<Engagement> batch, String trigger) {
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
        return stored.chain(() -> rescoreStored(leadId, trigger)).replaceWithVoid();
    }

    /**
     * Re-scores a scored lead from what is stored (its facts and engagements) by the active rule set; nothing for a
     * lead not scored yet, or erased.
     */
    Uni<Rescored> rescoreStored(UUID leadId, String trigger) {
        return scores.findById(leadId).chain(score -> {
            if (score == null || score.facts == null) {
                return Uni.createFrom().item(Rescored.NOTHING);
            }
            ObjectNode facts = readObject(score.facts);
            return engagements.list("leadId", leadId).chain(seen -> rescore(leadId, facts, seen, trigger));
        });
    }

    /** What a re-score did: whether LeadScored went out (score, grade, temperature or MQL status changed) and whether the lead became an MQL. */
    record Rescored(boolean changed, boolean qualified) {
        static final Rescored NOTHING = new Rescored(false, false);
    }

    /**
     * Scores in event time: decay is measured at the latest of the capture and the engagements, never by the wall
     * clock, so redeliveries and late arrivals give the same score. LeadScored goes out when the score, grade,
     * temperature or MQL status is new or changed (a new rule set can move a threshold without moving the score);
     * LeadMarketingQualified once, the first time the lead reaches the MQL threshold.
     */
    private Uni<Rescored> rescore(UUID leadId, ObjectNode facts, List<LeadEngagement> seen, String trigger) {
        List<Engagement> history = seen.stream()
                .map(e -> new Engagement(e.engagementId.toString(), e.type, e.occurredAt)).toList();
        ScoringFacts scoringFacts = ScoringFacts.of(facts);
        ScoringRuleSet rules = ruleSets.active();
        Score score = rules.score(scoringFacts, history, scoringFacts.scoredAt(history));
        ScoreCard card = ScoreCard.of(score);
        ObjectNode lead = (ObjectNode) facts.get("lead");
        ObjectNode enrichment = (ObjectNode) facts.get("enrichment");
        Map<String, Object> attributes = LeadAttributes.of(lead, enrichment, history.stream().map(Engagement::type).toList());
        ConversionModels.Conversion conversion = models.score(attributes).orElse(null);
        return scores.findById(leadId).chain(existing -> {
            // What routing and the SDRs act on; the same score re-evaluated emits nothing.
            boolean changed = existing == null || existing.score != card.value() || !existing.grade.equals(card.grade())
                    || !card.temperature().equals(existing.temperature) || existing.mql != score.mql();
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
            return stored.replaceWith(new Rescored(changed, newlyQualified));
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
     * Records the SDR's disqualification (a later one replaces the reason). The first one of a lead with no
     * opportunity outcome teaches the champion one "lost" step, unless its reason is one the model does not learn from
     * (configuration: a duplicate or a wrong contact says nothing about the lead).
     */
    public Uni<Void> disqualified(UUID leadId, LeadDisqualifiedIn disqualification) {
        return Panache.getSession().chain(session -> session.find(LeadDisqualification.class, leadId).chain(existing -> {
            boolean isNew = existing == null;
            LeadDisqualification row = isNew ? new LeadDisqualification() : existing;
            row.leadId = leadId;
            row.reason = disqualification.reason();
            row.sdrId = disqualification.sdrId();
            row.disqualifiedAt = disqualification.disqualifiedAt();
            row.recordedAt = Instant.now();
            Uni<Void> stored = session.persist(row);
            if (!isNew || models.notLearnt(disqualification.reason())) {
                return stored;
            }
            return stored.chain(() -> outcomes.ofLead(leadId)).chain(closed -> closed.isEmpty()
                    ? scores.findById(leadId)
                    : Uni.createFrom().<LeadScore>nullItem())
                    .chain(score -> score == null || score.attributes == null
                            ? Uni.createFrom().voidItem()
                            : models.learn(attributes(score.attributes), false));
        }));
    }

    /**
     * Re-scores every scored lead by the active rule set (asked for when RevOps activates a version and wants the old
     * leads re-evaluated), a page of leads per transaction under their rows' locks: LeadScored for each lead whose
     * score, grade, temperature or MQL status changed, LeadMarketingQualified for each that crosses the threshold for the first time. Safe to
     * run again: leads already re-scored by this version change nothing and emit nothing.
     */
    public Uni<Rescore> rescoreAll(int pageSize) {
        long started = System.nanoTime();
        String version = ruleSets.active().version();
        return rescorePages(null, pageSize, new int[3])
                .map(counts -> new Rescore(version, counts[0], counts[1], counts[2],
                        (System.nanoTime() - started) / 1_000_000));
    }

    private Uni<int[]> rescorePages(UUID after, int pageSize, int[] counts) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select lead_id from lead_score where facts is not null and (cast(:after as uuid) is null or lead_id > cast(:after as uuid))
                                order by lead_id limit :page for update""", UUID.class)
                        .setParameter("after", after == null ? null : after.toString())
                        .setParameter("page", pageSize)
                        .getResultList())
                .chain(page -> {
                    Uni<UUID> last = Uni.createFrom().nullItem();
                    for (UUID leadId : page) {
                        last = last.chain(() -> rescoreStored(leadId, "rescored")).map(result -> {
                            counts[0]++;
                            counts[1] += result.changed() ? 1 : 0;
                            counts[2] += result.qualified() ? 1 : 0;
                            return leadId;
                        });
                    }
                    return last;
                }))
                .chain(last -> last == null ? Uni.createFrom().item(counts) : rescorePages(last, pageSize, counts));
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
