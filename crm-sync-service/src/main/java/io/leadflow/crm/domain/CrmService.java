package io.leadflow.crm.domain;

import io.leadflow.crm.messaging.in.LeadErasedIn;
import io.leadflow.crm.messaging.in.LeadQualifiedIn;
import io.leadflow.crm.messaging.out.OpportunityClosed;
import io.leadflow.crm.messaging.out.OpportunityCreated;
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
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The built-in CRM: turns a sales-qualified lead into account + contact + opportunity and closes
 * opportunities. Every change commits with its event in one transaction.
 *
 * <p>Concurrent writers (two replicas, two leads of one company at once) are kept apart by the
 * unique keys: account domain, contact e-mail, opportunity lead id. The loser of a race fails its
 * transaction, the consumer retries it, and the retry finds the winner's row.
 */
@ApplicationScoped
public class CrmService {

    private static final Logger LOG = Logger.getLogger(CrmService.class);
    /** What an account named after an erased person is called from then on. */
    static final String ERASED = "Erased contact";

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OpportunityRepository opportunities;
    private final Outbox outbox;
    private final ErasedLeads erasedLeads;

    public CrmService(AccountRepository accounts, ContactRepository contacts, OpportunityRepository opportunities,
                      Outbox outbox, ErasedLeads erasedLeads) {
        this.erasedLeads = erasedLeads;
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.outbox = outbox;
    }

    /**
     * Opens the lead's opportunity, with its account and contact, and announces it. Runs inside the
     * consumer's inbox transaction. A lead that already has an opportunity (qualified again, or the
     * same qualification under a new event id) changes nothing: one opportunity per lead.
     */
    public Uni<Void> convert(UUID leadId, LeadQualifiedIn qualified) {
        return opportunities.findByLeadId(leadId).chain(existing -> {
            if (existing != null) {
                LOG.infof("lead %s already has opportunity %s; qualification ignored", leadId, existing.id);
                return Uni.createFrom().voidItem();
            }
            return open(leadId, qualified);
        });
    }

    private Uni<Void> open(UUID leadId, LeadQualifiedIn qualified) {
        Instant now = now();
        LeadQualifiedIn.Lead lead = qualified.lead();
        LeadQualifiedIn.Enrichment enrichment = qualified.enrichment() == null
                ? new LeadQualifiedIn.Enrichment(null, null, null) : qualified.enrichment();
        AccountMatch match = AccountMatch.of(lead.company(), lead.email(), lead.firstName(), lead.lastName(),
                enrichment.emailDomain(), enrichment.emailClass(), enrichment.companyDomain());

        return contacts.findByEmail(lead.email())
                .chain(known -> accountFor(match, known, now)
                        .chain(account -> {
                            Contact contact = known != null ? known : Contact.create(lead.email(), now);
                            contact.update(lead.firstName(), lead.lastName(), lead.jobTitle(), lead.phone(), account.id, now);
                            return contacts.persistAndFlush(contact)
                                    .chain(saved -> {
                                        Opportunity opportunity = Opportunity.open(leadId, account, saved,
                                                AccountMatch.opportunityName(lead.company(), account.name),
                                                qualified.sdrId(), qualified.qualification(), qualified.bant(), qualified.notes(),
                                                qualified.qualifiedAt().truncatedTo(ChronoUnit.MICROS), now);
                                        return opportunities.persistAndFlush(opportunity)
                                                .map(created -> OpportunityCreated.of(created, account));
                                    });
                        }))
                .chain(created -> outbox.append(OpportunityCreated.TYPE, leadId, created))
                .replaceWithVoid();
    }

    /** The account of the lead's domain (created when new); without a domain, the contact's account or a new one. */
    private Uni<Account> accountFor(AccountMatch match, Contact known, Instant now) {
        if (match.domain() != null) {
            return accounts.findByDomain(match.domain()).chain(found -> found != null
                    ? Uni.createFrom().item(found)
                    : accounts.persistAndFlush(Account.create(match, now)));
        }
        if (known != null) {
            return accounts.findById(known.accountId);
        }
        return accounts.persistAndFlush(Account.create(match, now));
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
            return outbox.append(OpportunityClosed.TYPE, opportunity.leadId, OpportunityClosed.of(opportunity))
                    .replaceWith(opportunity);
        }));
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
