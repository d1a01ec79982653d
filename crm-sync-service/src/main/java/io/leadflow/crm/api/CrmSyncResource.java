package io.leadflow.crm.api;

import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.ConflictException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** CRM syncs for RevOps: which leads synced where, which failed and why, every call made, and replay of a failed one. */
@Path("/api/v1/crm/syncs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class CrmSyncResource {

    private static final Set<String> STATES = Set.of("pending", "synced", "failed");

    private final Pool db;

    public CrmSyncResource(Pool db) {
        this.db = db;
    }

    public record SyncView(UUID leadId, String connection, String crm, UUID opportunityId, String state, int attempts,
                           Instant nextAttemptAt, String lastError, String crmAccountId, String crmContactId,
                           String crmOpportunityId, String ownerId, String stage, String lifecycle, String outcome,
                           BigDecimal amount, String lossReason, Instant closedAt, Instant aeNotifiedAt,
                           Instant createdAt, Instant syncedAt, Instant updatedAt) {

        static SyncView of(Row r) {
            return new SyncView(r.getUUID("lead_id"), r.getString("connection"), r.getString("crm"),
                    r.getUUID("opportunity_id"), r.getString("state"), r.getInteger("attempts"),
                    instant(r, "next_attempt_at"), r.getString("last_error"), r.getString("crm_account_id"),
                    r.getString("crm_contact_id"), r.getString("crm_opportunity_id"), r.getString("owner_id"),
                    r.getString("stage"), r.getString("lifecycle"), r.getString("outcome"), r.getBigDecimal("amount"),
                    r.getString("loss_reason"), instant(r, "closed_at"), instant(r, "ae_notified_at"),
                    instant(r, "created_at"), instant(r, "synced_at"), instant(r, "updated_at"));
        }
    }

    public record Syncs(List<SyncView> syncs) {
    }

    public record CallView(String operation, String method, String path, String requestId, int status, String outcome,
                           long latencyMs, String error, Instant at) {
    }

    public record Calls(List<CallView> calls) {
    }

    @GET
    @Operation(summary = "List CRM syncs", description = "Newest first; state=failed lists the dead-lettered ones.")
    @APIResponse(responseCode = "200", description = "The syncs")
    @APIResponse(responseCode = "400", description = "Bad state, connection or limit")
    public Uni<Syncs> list(@QueryParam("state") String state, @QueryParam("connection") String connection,
                           @QueryParam("limit") @DefaultValue("50") String limit) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidRequestException("state", "must be one of pending, synced, failed");
        }
        int max = OpportunityResource.limit(limit);
        return db.preparedQuery("""
                        select * from crm_sync where ($1::text is null or state = $1) and ($2::text is null or connection = $2)
                         order by updated_at desc limit $3
                        """)
                .execute(Tuple.of(state, connection, max))
                .map(rows -> {
                    List<SyncView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(SyncView.of(row)));
                    return new Syncs(views);
                });
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "One lead's CRM sync")
    @APIResponse(responseCode = "200", description = "The sync")
    @APIResponse(responseCode = "404", description = "The lead has no CRM sync")
    public Uni<SyncView> get(@PathParam("leadId") String leadId) {
        UUID lead = OpportunityResource.uuid("leadId", leadId);
        return db.preparedQuery("select * from crm_sync where lead_id = $1").execute(Tuple.of(lead))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new NotFoundException("lead " + lead + " has no CRM sync");
                    }
                    return SyncView.of(rows.iterator().next());
                });
    }

    @GET
    @Path("/{leadId}/calls")
    @Operation(summary = "The sync log of one lead", description = "Every CRM call made for it, oldest first.")
    @APIResponse(responseCode = "200", description = "The calls")
    public Uni<Calls> calls(@PathParam("leadId") String leadId) {
        UUID lead = OpportunityResource.uuid("leadId", leadId);
        return db.preparedQuery("select * from crm_sync_log where lead_id = $1 order by id limit 500").execute(Tuple.of(lead))
                .map(rows -> {
                    List<CallView> calls = new ArrayList<>();
                    rows.forEach(r -> calls.add(new CallView(r.getString("operation"), r.getString("method"),
                            r.getString("path"), r.getString("request_id"), r.getInteger("status"),
                            r.getString("outcome"), r.getLong("latency_ms"), r.getString("error"), instant(r, "at"))));
                    return new Calls(calls);
                });
    }

    @POST
    @Path("/{leadId}/replay")
    @Operation(summary = "Replay a failed CRM sync",
            description = "After fixing the cause (credentials, a required field, the field mapping): the sync is tried again now, with a fresh count of attempts.")
    @APIResponse(responseCode = "200", description = "Pending again")
    @APIResponse(responseCode = "404", description = "The lead has no CRM sync")
    @APIResponse(responseCode = "409", description = "The sync has not failed")
    public Uni<SyncView> replay(@PathParam("leadId") String leadId) {
        UUID lead = OpportunityResource.uuid("leadId", leadId);
        return db.preparedQuery("""
                        update crm_sync set state = 'pending', attempts = 0, next_attempt_at = now(), last_error = null,
                               lease_token = null, leased_until = null, updated_at = now()
                         where lead_id = $1 and state = 'failed' returning *
                        """).execute(Tuple.of(lead))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(SyncView.of(rows.iterator().next()))
                        : get(leadId).map(found -> {
                            throw new ConflictException("the CRM sync of lead " + lead + " is " + found.state()
                                    + ", not failed");
                        }));
    }

    private static Instant instant(Row row, String column) {
        java.time.OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
