package io.leadflow.capture.api;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.web.Problem;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Two body limits on one server. Quarkus has a single one ({@code quarkus.http.limits.max-body-size});
 * it is set to the CSV imports' (100 MB), and this route, right after Quarkus's own check, holds every
 * other request to {@code leadflow.capture.max-body-size} (64 KB) the same two ways Quarkus does: a
 * declared Content-Length over the limit is answered 413 before the body is read, and a chunked body is
 * given the smaller limit under Quarkus's request-size key, which Quarkus REST's request stream enforces
 * as it reads (413 as soon as it is crossed).
 */
@ApplicationScoped
public class BodyLimits {

    static final String IMPORTS = "/api/v1/imports";

    void install(@Observes Router router, CaptureConfig config) {
        long publicLimit = config.maxBodySize().asLongValue();
        long importLimit = config.imports().maxSize().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1)
                .handler(context -> limit(context, isImport(context) ? importLimit : publicLimit));
    }

    private static boolean isImport(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && IMPORTS.equals(context.normalizedPath());
    }

    private static void limit(RoutingContext context, long limit) {
        String length = context.request().headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
            context.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = Long.MAX_VALUE;
        }
        if (declared <= limit) {
            context.next();
            return;
        }
        // Answer at once and close: the body that follows is never read.
        Problem problem = new Problem("https://leadflow.io/problems/payload-too-large", "Payload too large", 413,
                "The body is " + declared + " bytes; at most " + limit + " are accepted here.", context.normalizedPath(), null);
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(JsonObject.mapFrom(problem).encode());
    }
}
