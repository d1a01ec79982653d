package io.leadflow.routing.notifications;

import io.leadflow.routing.config.RoutingConfig;
import io.leadflow.routing.domain.LeadCard;
import io.leadflow.routing.domain.Sdr;
import io.leadflow.routing.repository.RosterRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Tells an SDR of a lead assigned or reassigned to them by e-mail, with the lead's context and a signed one-click
 * accept link (and the previous owner of a reassigned lead that it moved).
 * Sending happens inside the consumer's inbox transaction, before it commits: a failed send fails the event, which is
 * retried with backoff and then parked on the dead-letter topic with the reason; a redelivery after a commit is
 * skipped by the inbox. (A crash between the send and the commit can send one e-mail twice: mail servers offer no
 * transaction to join, so the guarantee is at least once.)
 */
@ApplicationScoped
public class Notifier {

    private final RoutingConfig.Notifications settings;
    private final ReactiveMailer mailer;
    private final RosterRepository roster;
    private final MeterRegistry meters;
    private final SigningKeys keys;
    private final AcceptLinks links;

    public Notifier(RoutingConfig config, ReactiveMailer mailer, RosterRepository roster, MeterRegistry meters) {
        this.settings = config.notifications();
        this.mailer = mailer;
        this.roster = roster;
        this.meters = meters;
        this.keys = settings.signingKey().map(key -> new SigningKeys(Base64.getDecoder().decode(key))).orElse(null);
        this.links = keys == null ? null : keys.acceptLinks(settings.linkValidity());
        if ((settings.email() || settings.webhooks()) && keys == null) {
            throw new IllegalStateException("e-mail or webhook notifications need leadflow.routing.notifications.signing-key "
                    + "(base64, at least 32 bytes) to sign the accept links and the webhook deliveries");
        }
    }

    /** The keys notifications are signed with, when a signing key is configured. */
    public java.util.Optional<SigningKeys> keys() {
        return java.util.Optional.ofNullable(keys);
    }

    /** The accept link of the SDR's lead. */
    public String acceptUrl(UUID leadId, String sdrId) {
        return baseUrl() + "/accept.html#token=" + links.sign(leadId, sdrId, Instant.now());
    }

    public String baseUrl() {
        return settings.publicUrl().replaceAll("/+$", "");
    }

    /** The accept-link verifier, when a key is configured. */
    public java.util.Optional<AcceptLinks> links() {
        return java.util.Optional.ofNullable(links);
    }

    /** E-mails the SDR the assigned lead; an SDR without an e-mail address is counted and skipped. */
    /** Whether assignments are e-mailed at all ({@code leadflow.routing.notifications.email}). */
    public boolean emailOn() {
        return settings.email();
    }

    public Uni<Void> assigned(UUID leadId, String sdrId, LeadCard card) {
        if (!settings.email()) {
            return Uni.createFrom().voidItem();
        }
        return roster.findById(sdrId).chain(sdr -> {
            if (!hasAddress(sdr)) {
                return Uni.createFrom().voidItem();
            }
            AssignmentEmail email = AssignmentEmail.of(card, acceptUrl(leadId, sdrId), baseUrl() + "/inbox.html");
            return send(sdr.email, email.subject(), email.text(), email.html());
        });
    }

    /**
     * E-mails the new owner of a lead that changed hands (why, the lead's context, their own accept link), then, unless
     * {@code reassigned.notify-previous-owner} is off or they gave it back themselves, the previous owner a short
     * notice. Either without an e-mail address is counted and skipped. A failure of the second send fails the event
     * and the retry sends both again (at least once, as for assignments).
     */
    public Uni<Void> reassigned(Reassignment moved, LeadCard card) {
        if (!settings.email()) {
            return Uni.createFrom().voidItem();
        }
        String inboxUrl = baseUrl() + "/inbox.html";
        return roster.findById(moved.sdrId()).chain(to -> roster.findById(moved.fromSdrId()).chain(from -> {
            Uni<Void> toNewOwner = Uni.createFrom().voidItem();
            if (hasAddress(to)) {
                ReassignmentEmail email = ReassignmentEmail.toNewOwner(card, moved, nameOf(from, moved.fromSdrId()),
                        acceptUrl(moved.leadId(), moved.sdrId()), inboxUrl);
                toNewOwner = send(to.email, email.subject(), email.text(), email.html());
            }
            if (!settings.reassigned().notifyPreviousOwner() || moved.reason() == Reassignment.Reason.DECLINED) {
                return toNewOwner;
            }
            return toNewOwner.chain(() -> {
                if (!hasAddress(from)) {
                    return Uni.createFrom().voidItem();
                }
                ReassignmentEmail notice = ReassignmentEmail.toPreviousOwner(card, moved, nameOf(to, moved.sdrId()), inboxUrl);
                return send(from.email, notice.subject(), notice.text(), notice.html());
            });
        }));
    }

    /** E-mails the SDR that a lead's SLA deadline is near; skipped when e-mail is off or they have no address. */
    public Uni<Void> atRisk(java.util.UUID leadId, String sdrId, LeadCard card, String owed, Instant dueAt) {
        if (!settings.email()) {
            return Uni.createFrom().voidItem();
        }
        return roster.findById(sdrId).chain(sdr -> {
            if (!hasAddress(sdr)) {
                return Uni.createFrom().voidItem();
            }
            AtRiskEmail email = AtRiskEmail.of(card, owed, dueAt, acceptUrl(leadId, sdrId), baseUrl() + "/inbox.html");
            return send(sdr.email, email.subject(), email.text(), email.html());
        });
    }

    private boolean hasAddress(Sdr sdr) {
        if (sdr == null || sdr.email == null || sdr.email.isBlank()) {
            count("email", "no-address");
            return false;
        }
        return true;
    }

    private static String nameOf(Sdr sdr, String sdrId) {
        return sdr == null || sdr.name == null || sdr.name.isBlank() ? sdrId : sdr.name;
    }

    private Uni<Void> send(String to, String subject, String text, String html) {
        Mail mail = Mail.withText(to, subject, text).setHtml(html);
        return mailer.send(mail)
                .ifNoItem().after(Duration.ofSeconds(10)).failWith(() -> new IllegalStateException("SMTP send timed out"))
                .onItemOrFailure().invoke((done, failure) -> count("email", failure == null ? "sent" : "failed"));
    }

    void count(String channel, String outcome) {
        meters.counter("leadflow.notifications", "channel", channel, "outcome", outcome).increment();
    }
}
