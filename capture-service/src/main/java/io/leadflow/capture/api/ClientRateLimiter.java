package io.leadflow.capture.api;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.web.TokenBuckets;
import io.leadflow.web.Problem;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Public capture endpoints are rate-limited per client address, so one script cannot flood the
 * pipeline. A server-to-server integration that presents a token with the {@code integration}
 * role is limited per integration (the token's subject) with its own, much higher limit: a
 * back-office import or a partner system is not throttled like a bot. Staff tokens (revops, admin)
 * on the admin APIs and signed webhook deliveries (limited per source) are not counted here.
 */
// Application-scoped (a client proxy): Quarkus REST builds its filters at static init, before
// runtime config such as CaptureConfig exists; the real instance is made at the first request.
@ApplicationScoped
public class ClientRateLimiter {

    private final TokenBuckets anonymous;
    private final TokenBuckets integrations;
    private final SecurityIdentity caller;

    public ClientRateLimiter(CaptureConfig config, SecurityIdentity caller) {
        this.anonymous = new TokenBuckets(config.rateLimit().perSecond(), config.rateLimit().burst(), 100_000);
        this.integrations = new TokenBuckets(config.rateLimit().integrationPerSecond(), config.rateLimit().integrationBurst(), 10_000);
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        // Webhook deliveries are authenticated by their signature and limited per source (WebhookResource):
        // a partner posting from one address is not throttled like a browser.
        if (!path.startsWith("/api/v1/") || path.startsWith("/api/v1/webhooks/")) {
            return Optional.empty();
        }
        // Authentication is proactive: the identity is known before this filter runs.
        if (!caller.isAnonymous() && (caller.hasRole(Roles.REVOPS) || caller.hasRole(Roles.ADMIN))) {
            return Optional.empty(); // staff using the admin APIs
        }
        boolean integration = !caller.isAnonymous() && caller.hasRole(Roles.INTEGRATION);
        long waitMillis = integration
                ? integrations.tryTake(caller.getPrincipal().getName(), System.nanoTime())
                : anonymous.tryTake(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress(),
                        System.nanoTime());
        if (waitMillis == 0) {
            return Optional.empty();
        }
        Response problem = Problem.response(429, "rate-limited", "Too many requests",
                (integration ? "This integration" : "This address") + " sent too many submissions; retry after the delay in Retry-After.",
                context.getUriInfo().getPath(), List.of());
        return Optional.of(Response.fromResponse(problem)
                .header("Retry-After", Math.max(1, (waitMillis + 999) / 1000))
                .build());
    }
}
