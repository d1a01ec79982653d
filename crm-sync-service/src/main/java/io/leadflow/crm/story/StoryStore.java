package io.leadflow.crm.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.messaging.incoming.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps each lead's {@link LeadStory} from routing's events, inside their inbox transactions. Routing's events of one
 * lead share a partition, so LeadAssigned and the touches are read before the LeadQualified that needs them.
 */
@ApplicationScoped
public class StoryStore {

    /** The newest touches kept: enough for a hand-over, bounded for a lead an SDR chased for months. */
    static final int MAX_TOUCHES = 50;

    private final ObjectMapper mapper;

    public StoryStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<LeadStory> find(UUID leadId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select cast(story as text) from lead_story where lead_id = cast(:lead as uuid)", String.class)
                        .setParameter("lead", leadId.toString())
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : read(rows.get(0)));
    }

    /** LeadAssigned: where the lead came from, its score and reasons, the rule and arm that routed it, the SDR. */
    public Uni<Void> assigned(IncomingEvent event) {
        JsonNode e = event.payload();
        JsonNode lead = e.path("lead");
        JsonNode score = e.path("score");
        JsonNode routing = e.path("routing");
        List<String> reasons = new ArrayList<>();
        // Reasons are scoring rules with their points ("job title: +20"), with the evidence when scoring kept it.
        score.path("reasons").forEach(reason -> reasons.add(reason.path("rule").asText() + ": "
                + (reason.path("points").asInt() >= 0 ? "+" : "") + reason.path("points").asInt()
                + (reason.hasNonNull("evidence") ? " (" + reason.get("evidence").asText() + ")" : "")));
        return find(event.leadId()).chain(known -> {
            List<LeadStory.Touch> touches = known == null ? List.of() : known.touches();
            JsonNode modelVersion = e.path("conversion").path("modelVersion");
            LeadStory story = new LeadStory(text(lead, "source"), text(lead, "medium"), text(lead, "campaign"),
                    score.hasNonNull("value") ? score.get("value").asInt() : null, text(score, "grade"), reasons,
                    text(score, "ruleSetVersion"), modelVersion.isIntegralNumber() ? modelVersion.asInt() : null,
                    text(routing, "ruleSetVersion"), text(routing, "ruleId"), text(routing, "experimentId"),
                    routing.hasNonNull("variant") ? routing.get("variant").asText() : null, text(e, "poolId"),
                    text(e, "sdrId"), touches);
            return save(event.leadId(), story);
        });
    }

    /** LeadReassigned: the lead's SDR now. */
    public Uni<Void> reassigned(IncomingEvent event) {
        String sdr = text(event.payload(), "sdrId");
        return find(event.leadId()).chain(known -> {
            LeadStory s = known == null ? LeadStory.UNKNOWN : known;
            return save(event.leadId(), new LeadStory(s.source(), s.medium(), s.campaign(), s.score(), s.grade(),
                    s.reasons(), s.scoringRuleSet(), s.modelVersion(), s.routingRuleSet(), s.ruleId(), s.experimentId(),
                    s.variant(), text(event.payload(), "poolId") != null ? text(event.payload(), "poolId") : s.poolId(),
                    sdr != null ? sdr : s.sdrId(), s.touches()));
        });
    }

    /** LeadTouched: one more touch (channel, outcome, note) in the story. */
    public Uni<Void> touched(IncomingEvent event) {
        JsonNode e = event.payload();
        LeadStory.Touch touch = new LeadStory.Touch(text(e, "channel"), text(e, "outcome"), text(e, "note"),
                e.hasNonNull("touchedAt") ? Instant.parse(e.get("touchedAt").asText()) : event.occurredAt());
        return find(event.leadId()).chain(known -> {
            LeadStory s = known == null ? LeadStory.UNKNOWN : known;
            List<LeadStory.Touch> touches = new ArrayList<>(s.touches());
            touches.add(touch);
            if (touches.size() > MAX_TOUCHES) {
                touches = touches.subList(touches.size() - MAX_TOUCHES, touches.size());
            }
            return save(event.leadId(), new LeadStory(s.source(), s.medium(), s.campaign(), s.score(), s.grade(),
                    s.reasons(), s.scoringRuleSet(), s.modelVersion(), s.routingRuleSet(), s.ruleId(), s.experimentId(),
                    s.variant(), s.poolId(), s.sdrId() != null ? s.sdrId() : text(e, "sdrId"), touches));
        });
    }

    /**
     * The story as the qualifying event tells it (source, campaign, SDR), for a lead whose LeadAssigned this service
     * never read (consumed from before this service kept stories): outcomes are still attributed to what is known.
     */
    public Uni<Void> keepIfNone(UUID leadId, LeadStory story) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into lead_story (lead_id, story, updated_at)
                        values (cast(:lead as uuid), cast(cast(:story as text) as jsonb), now())
                        on conflict (lead_id) do nothing
                        """)
                        .setParameter("lead", leadId.toString())
                        .setParameter("story", json(story))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Right to erasure: the story's touches and notes are about the person. */
    public Uni<Void> forget(UUID leadId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from lead_story where lead_id = cast(:lead as uuid)")
                        .setParameter("lead", leadId.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private String json(LeadStory story) {
        try {
            return mapper.writeValueAsString(story);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Void> save(UUID leadId, LeadStory story) {
        String json = json(story);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into lead_story (lead_id, story, updated_at)
                        values (cast(:lead as uuid), cast(cast(:story as text) as jsonb), now())
                        on conflict (lead_id) do update set story = excluded.story, updated_at = excluded.updated_at
                        """)
                        .setParameter("lead", leadId.toString())
                        .setParameter("story", json)
                        .executeUpdate())
                .replaceWithVoid();
    }

    LeadStory read(String json) {
        try {
            return mapper.readValue(json, LeadStory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lead story: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
