package io.leadflow.crm.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crm.connector.OpportunityChange;
import io.leadflow.crm.messaging.out.LeadRecycled;
import io.leadflow.crm.messaging.out.OpportunityClosed;
import io.leadflow.crm.messaging.out.OpportunityStageChanged;
import io.leadflow.crm.story.LeadStory;
import io.leadflow.crm.sync.CrmSettings;
import io.leadflow.messaging.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies what the CRM says about a lead's opportunity (a stage change, a close) to the lead's sync record and
 * publishes it, in the caller's transaction: OpportunityStageChanged, OpportunityClosed with its attribution, and for a
 * lost deal LeadRecycled unless the loss reason rules it out. The lead's lifecycle follows: opportunity while open,
 * customer when won, back to lead (nurture) when lost and recycled.
 *
 * <p>Idempotent and ordered by the CRM's modification time: a change no newer than the last one applied (a repeated
 * poll, a webhook after the poll saw it) changes nothing, and a deal closes once.
 */
@ApplicationScoped
public class OutcomeService {

    private static final Logger LOG = Logger.getLogger(OutcomeService.class);

    public enum Applied { UNKNOWN_LEAD, STALE, UNCHANGED, STAGE_CHANGED, CLOSED }

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Recycling recycling;

    public OutcomeService(Outbox outbox, ObjectMapper mapper, CrmSettings settings) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.recycling = new Recycling(settings.noRecycleReasons());
    }

    /** Applies one change; runs inside the caller's transaction. */
    public Uni<Applied> apply(String connection, OpportunityChange change) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(s.opportunity_id as text), s.crm, s.stage, s.outcome, s.crm_modified_at,
                               cast(st.story as text), s.owner_id
                          from crm_sync s left join lead_story st on st.lead_id = s.lead_id
                         where s.lead_id = cast(:lead as uuid) and s.connection = :connection and s.state = 'synced'
                           for update of s
                        """, Object[].class)
                .setParameter("lead", change.leadId().toString())
                .setParameter("connection", connection)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        LOG.infof("CRM %s reports an opportunity of lead %s that Leadflow did not sync; ignored",
                                connection, change.leadId());
                        return Uni.createFrom().item(Applied.UNKNOWN_LEAD);
                    }
                    Object[] row = rows.get(0);
                    return apply(session, change, UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                            (String) row[3], instant(row[4]), story((String) row[5]));
                }));
    }

    private Uni<Applied> apply(Mutiny.Session session, OpportunityChange change, UUID opportunityId, String crm,
                               String stage, String outcome, Instant lastModified, LeadStory story) {
        Instant modified = change.modifiedAt();
        if (lastModified != null && modified != null && !modified.isAfter(lastModified)) {
            return Uni.createFrom().item(Applied.STALE);
        }
        boolean wasClosed = outcome != null;
        boolean closes = change.closed() && !wasClosed;
        boolean stageMoved = !Objects.equals(stage, change.stage());
        if (wasClosed && !closes) {
            // Reopened or edited after the close: the outcome was published once; only the stage is kept in step.
            return save(session, change, null, null, null).replaceWith(stageMoved ? Applied.STAGE_CHANGED : Applied.UNCHANGED);
        }
        Instant at = modified != null ? modified : Instant.now();
        if (!closes) {
            Uni<Void> saved = save(session, change, null, null, "opportunity");
            return !stageMoved ? saved.replaceWith(Applied.UNCHANGED)
                    : saved.chain(() -> outbox.append(OpportunityStageChanged.TYPE, change.leadId(),
                            new OpportunityStageChanged(opportunityId, change.stage(), stage, at, crm)))
                    .replaceWith(Applied.STAGE_CHANGED);
        }
        String result = change.won() ? "WON" : "LOST";
        boolean recycled = !change.won() && recycling.recycles(change.lossReason());
        String lifecycle = change.won() ? "customer" : recycled ? "lead" : "other";
        Instant closedAt = at;
        OpportunityClosed closed = new OpportunityClosed(opportunityId, result, change.lossReason(), change.amount(),
                closedAt, change.stage(), crm, lifecycle, attribution(story));
        Uni<Void> published = save(session, change, result, closedAt, lifecycle)
                .chain(() -> outbox.append(OpportunityClosed.TYPE, change.leadId(), closed)).replaceWithVoid();
        if (recycled) {
            published = published.chain(() -> outbox.append(LeadRecycled.TYPE, change.leadId(),
                    new LeadRecycled(opportunityId, change.lossReason(), closedAt, "nurture", story.sdrId()))).replaceWithVoid();
        }
        return published.replaceWith(Applied.CLOSED);
    }

    private Uni<Void> save(Mutiny.Session session, OpportunityChange change, String outcome, Instant closedAt,
                           String lifecycle) {
        return session.createNativeQuery("""
                        update crm_sync set stage = :stage, amount = coalesce(cast(:amount as numeric), amount),
                               outcome = coalesce(:outcome, outcome), closed_at = coalesce(cast(:closedAt as timestamptz), closed_at),
                               loss_reason = coalesce(:reason, loss_reason), lifecycle = coalesce(:lifecycle, lifecycle),
                               crm_modified_at = coalesce(cast(:modified as timestamptz), crm_modified_at), updated_at = now()
                         where lead_id = cast(:lead as uuid)
                        """)
                .setParameter("stage", change.stage())
                .setParameter("amount", change.amount())
                .setParameter("outcome", outcome)
                .setParameter("closedAt", closedAt == null ? null : closedAt.atOffset(ZoneOffset.UTC))
                .setParameter("reason", outcome == null ? null : change.lossReason())
                .setParameter("lifecycle", lifecycle)
                .setParameter("modified", change.modifiedAt() == null ? null : change.modifiedAt().atOffset(ZoneOffset.UTC))
                .setParameter("lead", change.leadId().toString())
                .executeUpdate()
                .replaceWithVoid();
    }

    private static OpportunityClosed.Attribution attribution(LeadStory s) {
        return new OpportunityClosed.Attribution(s.source(), s.medium(), s.campaign(), s.sdrId(), s.poolId(),
                s.routingRuleSet(), s.ruleId(), s.experimentId(), s.variant(), s.scoringRuleSet(), s.modelVersion(),
                s.score(), s.grade());
    }

    private LeadStory story(String json) {
        if (json == null) {
            return LeadStory.UNKNOWN;
        }
        try {
            return mapper.readValue(json, LeadStory.class);
        } catch (java.io.IOException e) {
            return LeadStory.UNKNOWN;
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }

}
