package io.leadflow.crm.api;

import io.leadflow.crm.connector.OpportunityChange;
import io.leadflow.crm.connector.hubspot.HubSpotConnector;
import io.leadflow.crm.connector.hubspot.HubSpotWebhookEvents;
import io.leadflow.crm.connector.hubspot.HubSpotWebhookSignature;
import io.leadflow.crm.outcome.OutcomePoller;
import io.leadflow.crm.sync.Connection;
import io.leadflow.crm.sync.CallerContext;
import io.leadflow.crm.sync.Connections;
import io.leadflow.crm.sync.SyncLog;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.util.TypeLiteral;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Problem;
import io.leadflow.web.RateLimitedException;
import io.leadflow.web.TokenBuckets;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * HubSpot's deal webhooks (a public app's subscriptions to deal.propertyChange, deal.creation, deal.deletion): public,
 * so every delivery must carry a valid v3 signature made with the connection's client secret, no older than five
 * minutes; deliveries are size- and rate-limited. Each deal named is read back from HubSpot (the delivery says what
 * changed, not the deal's whole state) and applied like a polled change.
 */
@Path("/api/v1/crm/webhooks/hubspot/{connection}")
@PermitAll
public class HubSpotWebhookResource {

    private static final Logger LOG = Logger.getLogger(HubSpotWebhookResource.class);
    /** HubSpot batches up to 100 events per delivery, each well under 1 KB. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final TypeLiteral<Uni<OpportunityChange>> DEAL = new TypeLiteral<>() {
    };

    private final Connections connections;
    private final OutcomePoller outcomes;
    private final Pool db;
    private final TokenBuckets perConnection = new TokenBuckets(20, 100, 100);

    public HubSpotWebhookResource(Connections connections, OutcomePoller outcomes, Pool db) {
        this.connections = connections;
        this.outcomes = outcomes;
        this.db = db;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "HubSpot deal webhook", description = "Verified by HubSpot's v3 signature; each deal is read back and its stage or close applied.")
    @APIResponse(responseCode = "204", description = "Applied")
    @APIResponse(responseCode = "400", description = "Not a JSON array of HubSpot events")
    @APIResponse(responseCode = "401", description = "Missing, invalid or stale signature")
    @APIResponse(responseCode = "404", description = "No HubSpot connection of that name with a webhook secret")
    @APIResponse(responseCode = "413", description = "Larger than 256 KB")
    @APIResponse(responseCode = "429", description = "Too many deliveries")
    public Uni<Response> deliver(@PathParam("connection") String name, String body, @Context UriInfo uri,
                                 @HeaderParam(HubSpotWebhookSignature.TIMESTAMP_HEADER) String timestamp,
                                 @HeaderParam(HubSpotWebhookSignature.SIGNATURE_HEADER) String signature) {
        Connection connection = hubSpot(name);
        String payload = body == null ? "" : body;
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return Uni.createFrom().item(Problem.response(413, "payload-too-large", "Payload Too Large",
                    "a HubSpot delivery is at most " + MAX_BODY_BYTES + " bytes", uri.getPath(), List.of()));
        }
        HubSpotWebhookSignature verifier = new HubSpotWebhookSignature(connection.webhookSecret().orElseThrow());
        if (!verifier.verify("POST", uri.getRequestUri().toString(), payload, timestamp, signature, Instant.now())) {
            return Uni.createFrom().item(Problem.response(401, "unauthorized", "Unauthorized",
                    "missing, invalid or stale " + HubSpotWebhookSignature.SIGNATURE_HEADER, uri.getPath(),
                    List.of(new FieldError(HubSpotWebhookSignature.SIGNATURE_HEADER, "does not verify"))));
        }
        // Limited after the signature: forged requests are refused cheaply and cannot use up HubSpot's allowance.
        long wait = perConnection.tryTake(name, System.nanoTime());
        if (wait > 0) {
            throw new RateLimitedException("too many HubSpot deliveries for connection " + name, Math.max(1, wait / 1000));
        }
        List<String> dealIds;
        try {
            dealIds = HubSpotWebhookEvents.dealIds(payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
        HubSpotConnector hubspot = (HubSpotConnector) connection.connector();
        // The connector's HTTP client answers on a thread of its own; applying a change opens a Hibernate Reactive
        // transaction, which needs this request's Vert.x context, so each answer is handed back to it.
        java.util.concurrent.Executor onRequestContext = CallerContext.executor();
        // The reads go through the connection's guard (its rate limit and circuit breaker) and into the sync log.
        SyncLog calls = new SyncLog(null, connection.name());
        return Multi.createFrom().iterable(dealIds)
                .onItem().transformToUniAndConcatenate(dealId -> connection.guard().get(() -> hubspot.findDeal(dealId, calls), DEAL)
                        .emitOn(onRequestContext)
                        .chain(change -> change == null ? Uni.createFrom().nullItem() : outcomes.apply(connection, change)))
                .collect().asList()
                .eventually(() -> calls.write(db))
                .invoke(applied -> LOG.debugf("HubSpot delivery to %s: %d deals", name, applied.size()))
                .replaceWith(Response.noContent().build());
    }

    private Connection hubSpot(String name) {
        for (Connection connection : connections.all()) {
            if (connection.name().equals(name) && HubSpotConnector.KIND.equals(connection.kind())
                    && connection.webhookSecret().filter(secret -> !secret.isBlank()).isPresent()) {
                return connection;
            }
        }
        throw new NotFoundException("no HubSpot connection " + name + " with a webhook secret");
    }
}
