package io.leadflow.crm.domain;

import io.leadflow.crm.messaging.in.LeadErasedIn;
import io.leadflow.crm.connector.OpportunityChange;
import io.leadflow.crm.outcome.OutcomeService;
import io.leadflow.crm.sync.Connections;
import io.leadflow.crm.sync.SyncJobs;
import io.leadflow.crm.messaging.out.OpportunityClosed;
import io.leadflow.crm.repository.AccountRepository;
import io.leadflow.crm.repository.ContactRepository;
import io.leadflow.crm.repository.OpportunityRepository;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.outbox.Outbox;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The built-in CRM's own operations: moving and closing its opportunities (published with the change in one
 * transaction), reading them, and the right to erasure. Opening them is the {@code BuiltinCrm} connector's, called by
 * the sync worker like any CRM.
 */
@ApplicationScoped
public class CrmService {

    /** What an account named after an erased person is called from then on. */
    static final String ERASED = "Erased contact";

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OpportunityRepository opportunities;
    private final Outbox outbox;
    private final ErasedLeads erasedLeads;
    private final SyncJobs syncJobs;
    private final OutcomeService outcomes;
    private final String builtinConnection;

    public CrmService(AccountRepository accounts, ContactRepository contacts, OpportunityRepository opportunities,
                      Outbox outbox, ErasedLeads erasedLeads, SyncJobs syncJobs, OutcomeService outcomes,
                      Connections connections) {
        this.erasedLeads = erasedLeads;
        this.syncJobs = syncJobs;
        this.outcomes = outcomes;
        this.builtinConnection = connections.builtinName();
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.outbox = outbox;
    }

    /**
     * Closes an opportunity won or lost and announces it. Invalid requests fail before anything is
     * read; an unknown opportunity is {@link NotFoundException}, a closed one
     * {@link io.leadflow.web.ConflictException}.
     */
    public Uni<Opportunity> close(UUID opportunityId, String outcome, String reason, BigDecimal amount) {
        Closing.Result checked = Closing.of(outcome, reason, amount);
        if (!checked.valid()) {
            return Uni.createFrom().failure(new InvalidRequestException(checked.errors()));
        }
        return Panache.withTransaction(() -> opportunities.findForUpdate(opportunityId).chain(opportunity -> {
            if (opportunity == null) {
                return Uni.createFrom().failure(new NotFoundException("no opportunity " + opportunityId));
            }
            opportunity.close(checked.closing(), now());
            return published(opportunity).replaceWith(opportunity);
        }));
    }

    /** Moves an open opportunity to another open stage ({@link Opportunity#OPEN_STAGES}) and publishes the change. */
    public Uni<Opportunity> moveTo(UUID opportunityId, String stage) {
        if (stage == null || !Opportunity.OPEN_STAGES.contains(stage)) {
            return Uni.createFrom().failure(new InvalidRequestException(List.of(new io.leadflow.web.FieldError("stage",
                    "must be one of " + Opportunity.OPEN_STAGES + " (closing goes through /close)"))));
        }
        return Panache.withTransaction(() -> opportunities.findForUpdate(opportunityId).chain(opportunity -> {
            if (opportunity == null) {
                return Uni.createFrom().failure(new NotFoundException("no opportunity " + opportunityId));
            }
            opportunity.moveTo(stage, now());
            return published(opportunity).replaceWith(opportunity);
        }));
    }

    /**
     * The built-in CRM's change as any CRM's change: through {@link OutcomeService}, in this transaction. An
     * opportunity opened before CRM connections existed has no sync record; its close is published as it was then.
     */
    private Uni<Void> published(Opportunity opportunity) {
        OpportunityChange change = new OpportunityChange(opportunity.leadId, opportunity.id.toString(), opportunity.stage,
                opportunity.closed(), opportunity.outcome == Outcome.WON, opportunity.amount, opportunity.closeReason,
                opportunity.closedAt == null ? null : opportunity.closedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                opportunity.updatedAt);
        return outcomes.apply(builtinConnection, change).chain(applied -> applied == OutcomeService.Applied.UNKNOWN_LEAD
                && opportunity.closed()
                ? outbox.append(OpportunityClosed.TYPE, opportunity.leadId, OpportunityClosed.of(opportunity)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /**
     * Right to erasure, inside the consumer's inbox transaction. The opportunity stays (the deal, its
     * stage, amount, outcome and owner are the company's business, and the pipeline KPIs need them)
     * without the SDR's qualification answers (the framework stays), BANT answers and notes, which are about the person; its contact keeps its row and
     * ids but loses e-mail, names, job title and phone. An account without a domain that was named after
     * the person (no company given) is renamed, and so is the opportunity named after it; an account of
     * a company stays. The lead's outbox rows are deleted and the lead recorded as erased, so a late
     * LeadQualified never opens an opportunity.
     */
    public Uni<Void> erase(UUID leadId, LeadErasedIn erased) {
        return erasedLeads.record(leadId, erased.erasedAt())
                .chain(() -> syncJobs.erase(leadId))
                .chain(() -> opportunities.findByLeadId(leadId))
                .chain(opportunity -> opportunity == null ? Uni.createFrom().voidItem() : eraseFrom(opportunity))
                .chain(() -> outbox.forget(leadId))
                .replaceWithVoid();
    }

    private Uni<Void> eraseFrom(Opportunity opportunity) {
        if (opportunity.bant != null) {
            opportunity.bant = new Bant(null, null, null, null);
        }
        if (opportunity.qualification != null) {
            opportunity.qualification = opportunity.qualification.withoutAnswers();
        }
        opportunity.notes = null;
        return contacts.findById(opportunity.contactId).chain(contact -> accounts.findById(opportunity.accountId)
                .invoke(account -> {
                    if (account != null && account.domain == null && namesThePerson(account.name, contact)) {
                        if (opportunity.name.equals(AccountMatch.opportunityName(null, account.name))) {
                            opportunity.name = AccountMatch.opportunityName(null, ERASED);
                        }
                        account.name = ERASED;
                    }
                    if (contact != null) {
                        contact.email = null;
                        contact.firstName = null;
                        contact.lastName = null;
                        contact.jobTitle = null;
                        contact.phone = null;
                        contact.updatedAt = now();
                    }
                }))
                .replaceWithVoid();
    }

    /** Whether an account's name is the person's name or address, as {@link AccountMatch} names an account without a company. */
    private static boolean namesThePerson(String accountName, Contact contact) {
        if (contact == null || accountName == null) {
            return false;
        }
        String person = ((contact.firstName == null ? "" : contact.firstName) + " "
                + (contact.lastName == null ? "" : contact.lastName)).trim();
        return accountName.equals(person) || (contact.email != null && accountName.equalsIgnoreCase(contact.email));
    }

    @WithSession
    public Uni<Opportunity> find(UUID opportunityId) {
        return opportunities.findById(opportunityId).onItem().ifNull()
                .failWith(() -> new NotFoundException("no opportunity " + opportunityId));
    }

    @WithSession
    public Uni<List<Opportunity>> list(UUID leadId, int limit) {
        return opportunities.list(leadId, limit);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
