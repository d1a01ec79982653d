package io.leadflow.routing.api;

import io.leadflow.routing.domain.AssignmentService;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.notifications.AcceptLinks;
import io.leadflow.routing.notifications.Notifier;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.RateLimitedException;
import io.leadflow.web.TokenBuckets;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;

/**
 * The one-click accept link of a notification (the page {@code /accept.html} posts its token here). Public: the
 * signed token is the credential, good for one lead, one SDR, until it expires. Rate-limited per address, so
 * guessing at tokens is pointless as well as hopeless.
 */
@Path("/api/v1/sdr/accept-link")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AcceptLinkResource {

    /** 30 a minute per address, 10 at once: an SDR clicks a handful of links, a script gets 429s. */
    private static final TokenBuckets PER_ADDRESS = new TokenBuckets(0.5, 10, 100_000);

    private final Notifier notifier;
    private final AssignmentService assignments;

    public AcceptLinkResource(Notifier notifier, AssignmentService assignments) {
        this.notifier = notifier;
        this.assignments = assignments;
    }

    /** The token of an accept link. */
    public record AcceptLinkRequest(String token) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a lead from a notification's link",
            description = "Accepts the lead the signed token names, for the SDR it names (LeadAccepted once; again: the "
                    + "lead unchanged). No other credential is needed.")
    @APIResponse(responseCode = "200", description = "Accepted (now or before)")
    @APIResponse(responseCode = "400", description = "The token is missing, forged or expired (field token)")
    @APIResponse(responseCode = "404", description = "The lead is no longer the SDR's (reassigned)")
    @APIResponse(responseCode = "429", description = "Too many attempts from this address; Retry-After says when")
    public Uni<LeadCard> accept(AcceptLinkRequest request, @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long waitMillis = PER_ADDRESS.tryTake(address, System.nanoTime());
        if (waitMillis > 0) {
            throw new RateLimitedException("Too many accept attempts from this address; retry after the delay in Retry-After.",
                    (waitMillis + 999) / 1000);
        }
        AcceptLinks.Claim claim = notifier.links()
                .flatMap(links -> links.verify(request == null ? null : request.token(), Instant.now()))
                .orElseThrow(() -> new InvalidRequestException("token",
                        "is not a valid accept link (forged, damaged or expired); open the lead from your inbox"));
        return assignments.accept(claim.sdrId(), claim.leadId());
    }
}
