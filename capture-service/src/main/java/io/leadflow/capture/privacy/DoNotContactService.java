package io.leadflow.capture.privacy;

import io.leadflow.capture.domain.Lead;
import io.leadflow.capture.domain.LeadIdentity;
import io.leadflow.capture.repository.LeadRepository;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.web.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Do-not-contact requests: the address is listed (so a future lead of it is flagged at capture), and
 * an existing lead is flagged and announced with LeadOptedOut in the same transaction.
 */
@ApplicationScoped
public class DoNotContactService {

    private final DoNotContactRepository list;
    private final LeadRepository leads;
    private final Outbox outbox;

    public DoNotContactService(DoNotContactRepository list, LeadRepository leads, Outbox outbox) {
        this.list = list;
        this.leads = leads;
        this.outbox = outbox;
    }

    /** What a request did: whether the address was newly listed, and the lead it flagged, if any. */
    public record Listed(String emailKey, boolean created, java.util.UUID leadId, Instant listedAt) {
    }

    public Uni<Listed> list(String email, String reason, String requestedBy) {
        String key = LeadIdentity.of(email == null ? "" : email)
                .orElseThrow(() -> new InvalidRequestException("email", "must be an e-mail address such as name@company.com"));
        if (reason != null && reason.length() > 500) {
            throw new InvalidRequestException("reason", "must be at most 500 characters");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> list.findById(key).chain(existing -> {
            if (existing != null) {
                return leads.find("emailKey", key).firstResult()
                        .map(lead -> new Listed(key, false, lead == null ? null : lead.id, existing.createdAt));
            }
            DoNotContact entry = new DoNotContact();
            entry.emailKey = key;
            entry.reason = reason == null || reason.isBlank() ? null : reason.strip();
            entry.requestedBy = requestedBy;
            entry.createdAt = now;
            return list.persist(entry).chain(() -> leads.lockByEmailKey(key)).chain(lead -> optOut(lead, now))
                    .map(leadId -> new Listed(key, true, leadId, now));
        }));
    }

    private Uni<java.util.UUID> optOut(Lead lead, Instant now) {
        if (lead == null || lead.doNotContact) {
            return Uni.createFrom().item(lead == null ? null : lead.id);
        }
        lead.doNotContact = true;
        return outbox.append(LeadOptedOut.TYPE, lead.id, new LeadOptedOut(now)).replaceWith(lead.id);
    }

    /** Whether the address is listed. */
    public Uni<Boolean> isListed(String email) {
        String key = LeadIdentity.of(email == null ? "" : email)
                .orElseThrow(() -> new InvalidRequestException("email", "must be an e-mail address such as name@company.com"));
        return Panache.withSession(() -> list.isListed(key));
    }
}
