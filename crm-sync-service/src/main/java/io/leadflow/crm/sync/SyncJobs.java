package io.leadflow.crm.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crm.messaging.in.LeadQualifiedIn;
import io.leadflow.crm.story.StoryStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Records the CRM sync of a qualified lead as a durable job, in the LeadQualified inbox transaction: the event is
 * consumed if and only if its job exists. The lead id is the job's key, so a redelivered or repeated qualification
 * finds the job there and changes nothing: one opportunity per lead.
 */
@ApplicationScoped
public class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);

    private final Connections connections;
    private final StoryStore stories;
    private final ObjectMapper mapper;

    public SyncJobs(Connections connections, StoryStore stories, ObjectMapper mapper) {
        this.connections = connections;
        this.stories = stories;
        this.mapper = mapper;
    }

    public Uni<Void> enqueue(UUID leadId, LeadQualifiedIn qualified) {
        Connection connection = connections.active();
        UUID opportunityId = UUID.randomUUID();
        return stories.find(leadId).chain(story -> knownAccount(connection, qualified).chain(knownAccount -> {
            ConversionPlan.Planned planned = connection.plan().plan(leadId, opportunityId, connection.kind(), qualified,
                    story, knownAccount);
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into crm_sync (lead_id, connection, crm, opportunity_id, conversion, hand_over, state,
                                                  next_attempt_at, lifecycle, created_at, updated_at)
                            values (cast(:lead as uuid), :connection, :crm, cast(:opportunity as uuid),
                                    cast(cast(:conversion as text) as jsonb), cast(cast(:handOver as text) as jsonb),
                                    'pending', now(), 'salesqualifiedlead', now(), now())
                            on conflict (lead_id) do nothing
                            """)
                    .setParameter("lead", leadId.toString())
                    .setParameter("connection", connection.name())
                    .setParameter("crm", connection.kind())
                    .setParameter("opportunity", opportunityId.toString())
                    .setParameter("conversion", json(planned.conversion()))
                    .setParameter("handOver", json(planned.handOver()))
                    .executeUpdate())
                    .call(() -> story == null ? stories.keepIfNone(leadId, planned.handOver().story())
                            : Uni.createFrom().voidItem());
        })).invoke(inserted -> {
            if (inserted == 0) {
                LOG.infof("lead %s already has its CRM sync; qualification ignored", leadId);
            }
        }).replaceWithVoid();
    }

    /**
     * The CRM's id of the account enrichment matched the lead to. An id that is not a uuid is the CRM's own (RevOps
     * imported the CRM's account book); a uuid is Leadflow's, learned by enrichment from an earlier OpportunityCreated:
     * the built-in CRM's id as it is, an external CRM's found through the sync that announced it.
     */
    private Uni<String> knownAccount(Connection connection, LeadQualifiedIn qualified) {
        LeadQualifiedIn.AccountMatch match = qualified.enrichment() == null ? null : qualified.enrichment().account();
        if (match == null || match.accountId() == null || match.accountId().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        UUID leadflowId;
        try {
            leadflowId = UUID.fromString(match.accountId());
        } catch (IllegalArgumentException theCrmsOwn) {
            return Uni.createFrom().item(match.accountId());
        }
        if ("builtin".equals(connection.kind())) {
            return Uni.createFrom().item(leadflowId.toString());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select crm_account_id from crm_sync where connection = :connection and account_id = cast(:account as uuid) limit 1",
                        String.class)
                .setParameter("connection", connection.name())
                .setParameter("account", leadflowId.toString())
                .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /**
     * Right to erasure: a sync not done yet is dropped (nothing of the person goes to the CRM any more); a done one
     * keeps its ids and outcome but not the person's data it carried.
     */
    public Uni<Void> erase(UUID leadId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from crm_sync where lead_id = cast(:lead as uuid) and state <> 'synced'")
                        .setParameter("lead", leadId.toString()).executeUpdate()
                        .chain(() -> session.createNativeQuery("""
                                update crm_sync set conversion = '{}'::jsonb, hand_over = null, updated_at = now()
                                 where lead_id = cast(:lead as uuid)
                                """).setParameter("lead", leadId.toString()).executeUpdate()))
                .chain(() -> stories.forget(leadId))
                .replaceWithVoid();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
