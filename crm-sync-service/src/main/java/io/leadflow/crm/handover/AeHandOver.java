package io.leadflow.crm.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crm.story.HandOver;
import io.leadflow.crm.sync.ClaimedRows;
import io.leadflow.crm.sync.CrmSettings;
import io.leadflow.messaging.scheduling.RepeatingTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the AE who takes a synced opportunity the lead's whole story: by e-mail (when the AE's address is configured)
 * and by webhook (when a URL is). Runs after the sync committed, never inside it: a slow mail relay must not hold a
 * CRM sync. At least once: a hand-over is claimed with a lease, sent, then marked; a crash in between sends it again
 * when the lease runs out. A hand-over that cannot be sent is retried every run, and counted.
 */
@ApplicationScoped
public class AeHandOver {

    private static final Logger LOG = Logger.getLogger(AeHandOver.class);
    private static final String CLAIM = """
            update crm_sync set leased_until = now() + interval '60 seconds', updated_at = now()
             where lead_id in (select lead_id from crm_sync
                                where state = 'synced' and ae_notified_at is null and hand_over is not null
                                  and (leased_until is null or leased_until < now())
                                order by synced_at limit 20 for update skip locked)
            returning lead_id, opportunity_id, crm_opportunity_id, owner_id, cast(hand_over as text) as hand_over
            """;

    private final Pool db;
    private final ReactiveMailer mailer;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Map<String, String> aeEmails;
    private final Optional<URI> webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RepeatingTask task;

    public AeHandOver(Pool db, ReactiveMailer mailer, ObjectMapper mapper, MeterRegistry meters, CrmSettings settings,
                      Vertx vertx) {
        this.db = db;
        this.mailer = mailer;
        this.mapper = mapper;
        this.meters = meters;
        this.aeEmails = settings.ae().emails();
        this.webhook = settings.ae().webhookUrl().filter(url -> !url.isBlank()).map(URI::create);
        this.task = new RepeatingTask(vertx.getDelegate(), "AE hand-over", Duration.ofMillis(500), this::runOnce, LOG);
    }

    void start(@Observes StartupEvent started) {
        task.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        task.stop();
    }

    public Uni<Integer> runOnce() {
        return ClaimedRows.each(db, CLAIM, this::handOver);
    }

    private Uni<Void> handOver(Row row) {
        UUID leadId = row.getUUID("lead_id");
        HandOver handOver;
        try {
            HandOver stored = mapper.readValue(row.getString("hand_over"), HandOver.class);
            handOver = new HandOver(stored.leadId(), row.getUUID("opportunity_id"), stored.crm(),
                    row.getString("crm_opportunity_id"), stored.opportunityName(), stored.aeId(),
                    row.getString("owner_id"), stored.person(), stored.company(), stored.story(), stored.sdrId(),
                    stored.qualifiedAt(), stored.qualification(), stored.notes());
        } catch (java.io.IOException e) {
            LOG.errorf("hand-over of lead %s is unreadable, skipped: %s", leadId, e.getMessage());
            return mark(leadId);
        }
        HandOver ready = handOver;
        return email(ready).chain(() -> post(ready))
                .chain(() -> mark(leadId))
                .invoke(() -> meters.counter("leadflow.crm.handovers", "outcome", "sent").increment())
                .onFailure().recoverWithUni(failure -> {
                    meters.counter("leadflow.crm.handovers", "outcome", "failed").increment();
                    LOG.warnf("hand-over of lead %s failed, retried: %s", leadId, failure.toString());
                    return db.preparedQuery("update crm_sync set leased_until = now() + interval '30 seconds' where lead_id = $1")
                            .execute(Tuple.of(leadId)).replaceWithVoid();
                });
    }

    private Uni<Void> email(HandOver handOver) {
        String to = handOver.aeId() == null ? null : aeEmails.get(handOver.aeId());
        if (to == null) {
            return Uni.createFrom().voidItem();
        }
        String subject = "New opportunity: " + handOver.opportunityName();
        return mailer.send(Mail.withText(to, subject, handOver.text()));
    }

    private Uni<Void> post(HandOver handOver) {
        if (webhook.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String body;
        try {
            body = mapper.writeValueAsString(Map.of("type", "OpportunityHandOver", "handOver", handOver, "text", handOver.text()));
        } catch (java.io.IOException e) {
            return Uni.createFrom().failure(e);
        }
        HttpRequest request = HttpRequest.newBuilder(webhook.get()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("AE webhook answered " + response.statusCode());
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> mark(UUID leadId) {
        return db.preparedQuery("update crm_sync set ae_notified_at = now(), leased_until = null, updated_at = now() where lead_id = $1")
                .execute(Tuple.of(leadId)).replaceWithVoid();
    }
}
