package io.leadflow.capture.api;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.TokenBuckets;
import io.leadflow.web.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/** Public capture endpoints are rate-limited per client address, so one script cannot flood the pipeline. */
// Application-scoped (a client proxy): Quarkus REST builds its filters at static init, before
// runtime config such as CaptureConfig exists; the real instance is made at the first request.
@ApplicationScoped
public class ClientRateLimiter {

    private final TokenBuckets buckets;

    public ClientRateLimiter(CaptureConfig config) {
        this.buckets = new TokenBuckets(config.rateLimit().perSecond(), config.rateLimit().burst(), 100_000);
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().startsWith("/api/v1/")) {
            return Optional.empty();
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long waitMillis = buckets.tryTake(client, System.nanoTime());
        if (waitMillis == 0) {
            return Optional.empty();
        }
        Response problem = Problem.response(429, "rate-limited", "Too many requests",
                "This address sent too many submissions; retry after the delay in Retry-After.",
                context.getUriInfo().getPath(), List.of());
        return Optional.of(Response.fromResponse(problem)
                .header("Retry-After", Math.max(1, (waitMillis + 999) / 1000))
                .build());
    }
}
