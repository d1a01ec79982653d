package io.leadflow.capture.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leadflow.capture.config.WebhookConfig;
import io.leadflow.capture.domain.CaptureService;
import io.leadflow.capture.domain.Channel;
import io.leadflow.web.TokenBuckets;
import io.leadflow.capture.domain.WebhookMapping;
import io.leadflow.capture.domain.WebhookSignature;
import io.leadflow.capture.domain.WebhookSource;
import io.leadflow.capture.domain.WebhookSourceService;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Problem;
import io.leadflow.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Signed webhook intake for ad platforms and partner tools. Public (no token): the signature over the exact body is
 * the authentication. Order of checks: the source exists and is enabled (404), the signature (401), the source's
 * rate limit (429, counted on authentic deliveries only), the body is a JSON object (400), the mapped lead is
 * valid (400 naming the lead field and the pointer it was read at); then the lead is captured like any other.
 */
@Path("/api/v1/webhooks/{sourceId}")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);
    private static final String METRIC = "leadflow.capture.webhook.deliveries";
    private static final int MAX_KEY_LENGTH = 200;

    private final WebhookSourceService sources;
    private final CaptureService capture;
    private final WebhookSignature signature;
    private final TokenBuckets perSource;
    private final ObjectReader json;
    private final MeterRegistry meters;

    public WebhookResource(WebhookSourceService sources, CaptureService capture, WebhookConfig config, ObjectMapper mapper,
                           MeterRegistry meters) {
        this.sources = sources;
        this.capture = capture;
        this.signature = new WebhookSignature(config.tolerance());
        this.perSource = new TokenBuckets(config.rateLimit().perSecond(), config.rateLimit().burst(), 10_000);
        this.json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.meters = meters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver a lead from a webhook source",
            description = "Header Leadflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>' keyed with "
                    + "the source's secret>; several v1 entries are allowed. The timestamp must be within 5 minutes of "
                    + "now. The source's mapping reads the lead from the JSON body; a delivery whose mapped eventId (or "
                    + "Idempotency-Key header) was seen before answers with the lead it first created.")
    @APIResponse(responseCode = "202", description = "Captured (or a retried delivery: Idempotent-Replayed: true)")
    @APIResponse(responseCode = "400", description = "The body is not a JSON object, or the mapped lead is invalid")
    @APIResponse(responseCode = "401", description = "Signature missing, malformed, outside the time window or not matching")
    @APIResponse(responseCode = "404", description = "No enabled source with this id")
    @APIResponse(responseCode = "422", description = "The event id was first delivered with a different lead")
    @APIResponse(responseCode = "429", description = "The source sent too many deliveries; see Retry-After")
    public Uni<Response> deliver(@PathParam("sourceId") String sourceId,
                                 @HeaderParam(WebhookSignature.HEADER) String signatureHeader,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 byte[] body) {
        String path = "/api/v1/webhooks/" + sourceId;
        return sources.find(sourceId).chain(source -> {
            if (source == null || !source.enabled) {
                count(source == null ? "unknown" : sourceId, source == null ? "not-found" : "disabled");
                return Uni.createFrom().failure(new NotFoundException("There is no enabled webhook source " + sourceId + "."));
            }
            byte[] raw = body == null ? new byte[0] : body;
            Instant now = Instant.now();
            WebhookSignature.Outcome outcome = signature.verify(signatureHeader, raw, source.secretsValidAt(now), now);
            if (outcome != WebhookSignature.Outcome.VALID) {
                count(sourceId, outcome.slug());
                LOG.debugf("webhook %s refused: signature %s", sourceId, outcome.reason());
                return Uni.createFrom().item(signatureRefused(outcome, path));
            }
            long waitMillis = perSource.tryTake(sourceId, System.nanoTime());
            if (waitMillis > 0) {
                count(sourceId, "rate-limited");
                return Uni.createFrom().item(rateLimited(waitMillis, path));
            }
            return capture(source, raw, idempotencyKey);
        });
    }

    private Uni<Response> capture(WebhookSource source, byte[] body, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return refused(source.id, new InvalidRequestException("Idempotency-Key", "must be 1 to 200 characters"));
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            return refused(source.id, new InvalidRequestException("body", "is not valid JSON"));
        } catch (IOException e) {
            return refused(source.id, new InvalidRequestException("body", "could not be read"));
        }
        if (document == null || !document.isObject()) {
            return refused(source.id, new InvalidRequestException("body", "must be a JSON object"));
        }
        WebhookMapping.Mapped mapped = WebhookMapping.apply(source.mapping, source.defaults, document);
        if (!mapped.valid()) {
            return refused(source.id, new InvalidRequestException(mapped.errors()));
        }
        String key = mapped.eventId() != null ? idempotencyKey(source.id, mapped.eventId())
                : idempotencyKey != null ? idempotencyKey(source.id, idempotencyKey) : null;
        return capture.capture(mapped.submission(), Channel.WEBHOOK, key)
                .onFailure(InvalidRequestException.class)
                .transform(e -> new InvalidRequestException(mapped.explain(((InvalidRequestException) e).errors())))
                .onItem().invoke(captured -> count(source.id, captured.replayed() ? "replayed" : "captured"))
                .onFailure().invoke(e -> count(source.id, e instanceof InvalidRequestException ? "invalid"
                        : e instanceof UnprocessableException ? "event-id-reused" : "error"))
                .map(captured -> Response.accepted(new LeadResource.Accepted(captured.leadId(), "captured"))
                        .header("Idempotent-Replayed", captured.replayed() ? "true" : null)
                        .build());
    }

    /**
     * {@code webhook:<sourceId>:<id>}: a source's ids never meet another source's or the JSON API's keys. An id too long
     * for the key column is replaced by its SHA-256, so any partner id works.
     */
    static String idempotencyKey(String sourceId, String id) {
        String key = "webhook:" + sourceId + ":" + id;
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "webhook:" + sourceId + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Response> refused(String sourceId, InvalidRequestException e) {
        count(sourceId, "invalid");
        return Uni.createFrom().failure(e);
    }

    private Response signatureRefused(WebhookSignature.Outcome outcome, String path) {
        long seconds = signature.tolerance().toSeconds();
        String tolerance = seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
        String detail = "The " + WebhookSignature.HEADER + " header is " + outcome.reason()
                + (outcome == WebhookSignature.Outcome.OUTSIDE_TOLERANCE ? " (tolerance " + tolerance + ")" : "") + ".";
        return Response.fromResponse(Problem.response(401, "signature-invalid", "Invalid signature", detail, path, List.of()))
                .header("WWW-Authenticate", WebhookSignature.HEADER + " realm=\"webhooks\"")
                .build();
    }

    private static Response rateLimited(long waitMillis, String path) {
        return Response.fromResponse(Problem.response(429, "rate-limited", "Too many requests",
                        "This webhook source sent too many deliveries; retry after the delay in Retry-After.", path, List.of()))
                .header("Retry-After", Math.max(1, (waitMillis + 999) / 1000))
                .build();
    }

    private void count(String sourceId, String outcome) {
        meters.counter(METRIC, "source", sourceId, "outcome", outcome).increment();
    }
}
