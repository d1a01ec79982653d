package io.leadflow.capture.domain;

import io.leadflow.capture.config.WebhookConfig;
import io.leadflow.capture.repository.WebhookSourceRepository;
import io.leadflow.web.ConflictException;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Webhook sources as data: define, read, rotate the signing secret, delete. Each method is one transaction. */
@ApplicationScoped
public class WebhookSourceService {

    private static final Logger LOG = Logger.getLogger(WebhookSourceService.class);

    private final WebhookSourceRepository sources;
    private final WebhookConfig config;

    public WebhookSourceService(WebhookSourceRepository sources, WebhookConfig config) {
        this.sources = sources;
        this.config = config;
    }

    /** A saved source; {@code newSecret} is set only when this call made one (creation), the one time it is shown. */
    public record Saved(WebhookSource source, boolean created, String newSecret) {
    }

    /** Creates the source with a fresh secret, or replaces an existing one's definition (its secrets are kept). */
    public Uni<Saved> put(String id, WebhookSourceDefinition definition) {
        var problems = definition.problems(id);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(problems));
        }
        return Panache.withTransaction(() -> save(id, definition))
                .onFailure(ConstraintViolationException.class).transform(e -> new ConflictException(
                        "Webhook source " + id + " was created by another request at the same time; read it and retry."));
    }

    private Uni<Saved> save(String id, WebhookSourceDefinition definition) {
        Instant now = now();
        return sources.findById(id).chain(existing -> {
            if (existing != null) {
                existing.define(definition, now);
                return Uni.createFrom().item(new Saved(existing, false, null));
            }
            WebhookSource created = WebhookSource.create(id, definition, now);
            LOG.infof("webhook source %s created", id);
            return sources.persistAndFlush(created).replaceWith(new Saved(created, true, created.secret));
        });
    }

    @WithSession
    public Uni<WebhookSource> get(String id) {
        return sources.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithSession
    public Uni<List<WebhookSource>> list() {
        return sources.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return sources.deleteById(id).invoke(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            LOG.infof("webhook source %s deleted", id);
        }).replaceWithVoid();
    }

    /** A new secret (returned once); the one it replaces stays valid for the configured grace period. */
    @WithTransaction
    public Uni<Saved> rotateSecret(String id) {
        Instant now = now();
        return sources.findById(id).onItem().ifNull().failWith(() -> notFound(id)).map(source -> {
            String secret = source.rotate(now, config.secretGracePeriod());
            LOG.infof("webhook source %s: secret rotated; the previous one is accepted until %s", id, source.previousSecretExpiresAt);
            return new Saved(source, false, secret);
        });
    }

    /** The source a delivery is addressed to, or null when there is none (disabled sources included: the caller decides). */
    @WithSession
    public Uni<WebhookSource> find(String id) {
        return WebhookSourceDefinition.isId(id) ? sources.findById(id) : Uni.createFrom().nullItem();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no webhook source " + id + ".");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
