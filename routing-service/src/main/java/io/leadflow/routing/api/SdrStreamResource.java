package io.leadflow.routing.api;

import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.SdrInbox;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The SDR's live inbox as server-sent events: an {@code assignment} event (JSON {@link LeadCard})
 * the moment a lead is assigned to the caller, a {@code resubmission} event (the card with its
 * {@code lastResubmission}) when the person behind one of their leads submits again, and a comment line at once and then every
 * {@code leadflow.routing.stream-heartbeat} so that proxies keep the connection open.
 */
@Path("/api/v1/sdr/stream")
@RolesAllowed(Roles.SDR)
public class SdrStreamResource {

    private final SdrInbox inbox;
    private final RoutingConfig config;
    private final JsonWebToken caller;

    public SdrStreamResource(SdrInbox inbox, RoutingConfig config, JsonWebToken caller) {
        this.inbox = inbox;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "My live inbox", description = "Server-sent events: 'assignment' with the lead's full context, "
            + "'resubmission' when the person submits again, 'do-not-contact', 'moved', 'at-risk' ({leadId, dueAt, card}) when "
            + "a lead's SLA deadline is near, and heartbeat comments. Leads assigned while disconnected are in GET /api/v1/sdr/leads.")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        String sdrId = caller.getSubject();
        Multi<OutboundSseEvent> assignments = inbox.follow(sdrId)
                .map(notice -> sse.newEventBuilder()
                        .name(notice.kind())
                        .id(notice.card().assignmentId().toString())
                        .data(notice.data().getClass(), notice.data())
                        .build());
        // Subscribed after the inbox registration (merge subscribes in order): the first comment
        // tells the client that assignments from now on will reach it.
        Multi<OutboundSseEvent> heartbeats = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> sse.newEventBuilder().comment("connected").build()),
                Multi.createFrom().ticks().startingAfter(config.streamHeartbeat()).every(config.streamHeartbeat())
                        .onOverflow().drop()
                        .map(tick -> sse.newEventBuilder().comment("heartbeat").build()));
        return Multi.createBy().merging().streams(assignments, heartbeats);
    }
}
