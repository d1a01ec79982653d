package io.leadflow.crm.connector.builtin;

import io.leadflow.crm.connector.CallLog;
import io.leadflow.crm.connector.ChangePage;
import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.CrmConnector;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.domain.Account;
import io.leadflow.crm.domain.AccountMatch;
import io.leadflow.crm.domain.Contact;
import io.leadflow.crm.domain.Opportunity;
import io.leadflow.crm.repository.AccountRepository;
import io.leadflow.crm.repository.ContactRepository;
import io.leadflow.crm.repository.OpportunityRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The built-in CRM (tables {@code account}, {@code contact}, {@code opportunity} of this service's database) behind
 * the connector interface: the default connection of the local run. Each conversion is its own transaction, separate
 * from the sync job's, exactly like a call to an external CRM; the unique keys (account domain, contact e-mail,
 * opportunity lead id) make a repeated conversion find what the first one created.
 *
 * <p>Stage changes and closings are made through this service's own API, which publishes them in the same
 * transaction, so there is nothing to poll: {@link #changesSince} answers an empty page.
 */
@ApplicationScoped
public class BuiltinCrm implements CrmConnector {

    public static final String KIND = "builtin";

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OpportunityRepository opportunities;

    public BuiltinCrm(AccountRepository accounts, ContactRepository contacts, OpportunityRepository opportunities) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<CrmRecord> convert(Conversion conversion, CallLog calls) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        return Panache.withTransaction(() -> opportunities.findByLeadId(conversion.leadId()).chain(existing -> existing != null
                        ? accounts.findById(existing.accountId).map(account -> record(existing, account, false))
                        : open(conversion)))
                .invoke(done -> calls.record(new CallLog.CrmCall("convert", null, null, requestId, 200, "ok",
                        millisSince(started), null)))
                .onFailure().invoke(failure -> calls.record(new CallLog.CrmCall("convert", null, null, requestId, 0,
                        "transient", millisSince(started), String.valueOf(failure.getMessage()))));
    }

    private Uni<CrmRecord> open(Conversion conversion) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Conversion.ContactDraft person = conversion.contact();
        Conversion.OpportunityDraft deal = conversion.opportunity();
        Conversion.Qualified qualified = conversion.qualified();
        AccountMatch match = new AccountMatch(conversion.account().domain(), conversion.account().name());
        return contacts.findByEmail(person.email()).chain(known -> knownAccount(conversion.account().crmId())
                .chain(matched -> matched != null ? Uni.createFrom().item(matched) : accountFor(match, known, now))
                .chain(account -> {
            Contact contact = known != null ? known : Contact.create(person.email(), now);
            contact.update(person.firstName(), person.lastName(), person.jobTitle(), person.phone(), account.id, now);
            return contacts.persistAndFlush(contact).chain(saved -> {
                String owner = deal.ownerId() != null ? deal.ownerId() : qualified == null ? null : qualified.sdrId();
                Opportunity opportunity = Opportunity.open(conversion.leadId(), account, saved, deal.name(), owner,
                        qualified == null ? null : qualified.qualification(), qualified == null ? null : qualified.bant(),
                        qualified == null ? null : qualified.notes(),
                        qualified == null ? now : qualified.qualifiedAt().truncatedTo(ChronoUnit.MICROS), now);
                if (deal.stage() != null) {
                    opportunity.stage = deal.stage();
                }
                opportunity.amount = deal.amount();
                return opportunities.persistAndFlush(opportunity).map(created -> record(created, account, true));
            });
        }));
    }

    /** The account enrichment matched the lead to, when it is one of ours. */
    private Uni<Account> knownAccount(String crmId) {
        if (crmId == null) {
            return Uni.createFrom().nullItem();
        }
        try {
            return accounts.findById(UUID.fromString(crmId));
        } catch (IllegalArgumentException notOurs) {
            return Uni.createFrom().nullItem();
        }
    }

    /** The account of the domain (created when new); without a domain, the contact's account or a new one. */
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

    /** The built-in CRM has no account owners: the owner of the account's first deal stands for it. */
    private static CrmRecord record(Opportunity opportunity, Account account, boolean created) {
        return new CrmRecord(account.id.toString(), opportunity.contactId.toString(), opportunity.id.toString(),
                opportunity.ownerId, opportunity.ownerId, created);
    }

    @Override
    public Uni<ChangePage> changesSince(Instant since, int limit, CallLog calls) {
        return Uni.createFrom().item(new ChangePage(List.of(), since));
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
