package io.leadflow.routing.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Webhooks per SDR or pool: RevOps registers a URL and gets its secret once; every lead assigned or reassigned to
 * that SDR, or in that pool, is posted there (Slack-compatible JSON, {@code X-Leadflow-Signature}, the event type in
 * {@code X-Leadflow-Event} and {@code leadflow.eventType}). A delivery that fails (no answer
 * in time, not 2xx) fails the event: the consumer retries it with backoff, then dead-letters it. Each delivery has an
 * id that stays the same across those retries ({@code X-Leadflow-Delivery}), so a receiver that saw it already can
 * drop the repeat: delivery is at least once.
 */
@ApplicationScoped
public class Webhooks {

    public static final String DELIVERY_HEADER = "X-Leadflow-Delivery";
    /** What the delivery tells: {@code LeadAssigned} or {@code LeadReassigned} (as {@code leadflow.eventType}, signed). */
    public static final String EVENT_HEADER = "X-Leadflow-Event";

    /** A webhook as the API shows it; the secret only in the answer that created it. */
    public record View(UUID id, String sdrId, String poolId, String url, Instant createdAt, String createdBy, String secret) {
    }

    private final RoutingConfig.Notifications settings;
    private final Notifier notifier;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public Webhooks(RoutingConfig config, Notifier notifier, ObjectMapper mapper) {
        this.settings = config.notifications();
        this.notifier = notifier;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether webhooks are delivered at all ({@code leadflow.routing.notifications.webhooks}). */
    public boolean on() {
        return settings.webhooks();
    }

    /** Registers a webhook for exactly one of an SDR and a pool; 400 names the field at fault. */
    public Uni<View> register(String sdrId, String poolId, String url, String author) {
        if (!on()) {
            return Uni.createFrom().failure(new InvalidRequestException("url",
                    "webhooks are off: set leadflow.routing.notifications.webhooks=true to deliver them"));
        }
        List<FieldError> errors = new ArrayList<>();
        if ((sdrId == null) == (poolId == null)) {
            errors.add(new FieldError(sdrId == null ? "sdrId" : "poolId", "give exactly one of sdrId and poolId"));
        }
        URI uri = null;
        try {
            uri = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "is not a URL: " + e.getMessage()));
        }
        if (url == null) {
            errors.add(new FieldError("url", "is required"));
        } else if (uri != null && (uri.getHost() == null || !("https".equals(uri.getScheme())
                || ("http".equals(uri.getScheme()) && settings.webhooksAllowHttp())))) {
            errors.add(new FieldError("url", settings.webhooksAllowHttp() ? "must be an absolute http(s) URL"
                    : "must be an absolute https URL (deliveries carry personal data)"));
        } else if (url.length() > 2000) {
            errors.add(new FieldError("url", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        if (notifier.keys().isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException("url",
                    "webhooks need leadflow.routing.notifications.signing-key to be configured"));
        }
        NotificationWebhook hook = new NotificationWebhook();
        hook.id = UUID.randomUUID();
        hook.sdrId = sdrId;
        hook.poolId = poolId;
        hook.url = uri.toString();
        hook.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        hook.createdBy = author;
        String owner = sdrId != null ? "select count(*) from sdr where id = :id" : "select count(*) from pool where id = :id";
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(owner, Long.class).setParameter("id", sdrId != null ? sdrId : poolId).getSingleResult()
                .chain(found -> found == 0
                        ? Uni.createFrom().failure(new InvalidRequestException(sdrId != null ? "sdrId" : "poolId",
                                "there is no " + (sdrId != null ? "SDR " + sdrId : "pool " + poolId)))
                        : session.persist(hook))))
                .replaceWith(() -> view(hook, notifier.keys().orElseThrow().webhookSecret(hook.id)));
    }

    public Uni<List<View>> list() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createQuery("from NotificationWebhook order by createdAt", NotificationWebhook.class).getResultList()))
                .map(hooks -> hooks.stream().map(hook -> view(hook, null)).toList());
    }

    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createQuery("delete from NotificationWebhook where id = :id").setParameter("id", id).executeUpdate()))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new NotFoundException("There is no webhook " + id + ".");
                    }
                }).replaceWithVoid();
    }

    /**
     * Posts an assignment to the webhooks of its SDR and its pool, one after the other, inside the consumer's
     * transaction; the first failure fails the event (retried, then dead-lettered).
     */
    public Uni<Void> assigned(UUID eventId, UUID leadId, UUID assignmentId, String sdrId, String poolId, LeadCard card) {
        return deliver(eventId, WebhookMessage.ASSIGNED, sdrId, poolId, deliveryId -> WebhookMessage.of(mapper, deliveryId,
                leadId, assignmentId, sdrId, poolId, card, notifier.acceptUrl(leadId, sdrId)));
    }

    /**
     * Posts a lead that changed hands to the webhooks of its new owner and of its pool (the previous owner's webhooks
     * are not told: the lead is no longer theirs), as {@link #assigned} does, with the new owner's accept link.
     */
    public Uni<Void> reassigned(UUID eventId, Reassignment moved, LeadCard card) {
        return deliver(eventId, WebhookMessage.REASSIGNED, moved.sdrId(), moved.poolId(), deliveryId ->
                WebhookMessage.reassigned(mapper, deliveryId, moved, card, notifier.acceptUrl(moved.leadId(), moved.sdrId())));
    }

    private Uni<Void> deliver(UUID eventId, String eventType, String sdrId, String poolId,
                              Function<UUID, ObjectNode> message) {
        if (!settings.webhooks()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createQuery(
                        "from NotificationWebhook where sdrId = :sdr or poolId = :pool order by createdAt", NotificationWebhook.class)
                .setParameter("sdr", sdrId).setParameter("pool", poolId == null ? "" : poolId).getResultList())
                .chain(hooks -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (NotificationWebhook hook : hooks) {
                        chain = chain.chain(() -> post(hook, eventId, eventType, message));
                    }
                    return chain;
                });
    }

    private Uni<Void> post(NotificationWebhook hook, UUID eventId, String eventType, Function<UUID, ObjectNode> message) {
        UUID deliveryId = UUID.nameUUIDFromBytes((eventId + ":" + hook.id).getBytes(StandardCharsets.UTF_8));
        String body;
        try {
            body = mapper.writeValueAsString(message.apply(deliveryId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String secret = notifier.keys().orElseThrow().webhookSecret(hook.id);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url))
                .timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Leadflow-Webhooks/1")
                .header(DELIVERY_HEADER, deliveryId.toString())
                .header(EVENT_HEADER, eventType)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        // The JDK client answers on its own threads; the consumer's reactive session must be used on its Vert.x
        // context, so the answer is handed back there.
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .onItemOrFailure().transformToUni((response, failure) -> {
                    if (failure == null && response.statusCode() / 100 == 2) {
                        notifier.count("webhook", "sent");
                        return Uni.createFrom().voidItem();
                    }
                    notifier.count("webhook", "failed");
                    return Uni.createFrom().failure(new IllegalStateException("webhook " + hook.id + " ("
                            + URI.create(hook.url).getHost() + ") " + (failure != null
                            ? "failed: " + failure : "answered HTTP " + response.statusCode())));
                });
    }

    private static View view(NotificationWebhook hook, String secret) {
        return new View(hook.id, hook.sdrId, hook.poolId, hook.url, hook.createdAt, hook.createdBy, secret);
    }
}
