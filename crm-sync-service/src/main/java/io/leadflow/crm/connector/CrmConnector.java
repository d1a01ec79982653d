package io.leadflow.crm.connector;

import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * One CRM that a connection points at: the built-in CRM, HubSpot or Salesforce. A connector only talks to its CRM; it
 * never touches Leadflow's database, so the sync worker can call it outside any transaction and record the result
 * afterwards.
 *
 * <p>Every write is an upsert keyed so that repeating it changes nothing: the opportunity by the lead id (its
 * external id), the contact by e-mail, the account by domain. A retry after a timeout, after the CRM had already
 * committed, therefore finds and reuses the record instead of creating a second one.
 *
 * <p>Failures are {@link CrmException}s whose {@link CrmException.Kind} tells the worker whether to wait (rate
 * limited, with the CRM's Retry-After), retry with backoff (transient) or give up (rejected). Every HTTP call (or
 * database call, for the built-in CRM) is reported to the {@link CallLog} with its request id, outcome and latency.
 */
public interface CrmConnector {

    /** {@code builtin}, {@code hubspot} or {@code salesforce}. */
    String kind();

    /**
     * Finds or creates the account, upserts the contact (respecting {@link FieldOwnership}), and finds or creates the
     * lead's opportunity with the contact and account associated. Safe to call any number of times for one lead.
     */
    Uni<CrmRecord> convert(Conversion conversion, CallLog calls);

    /**
     * Opportunities of Leadflow leads (those with a lead id) modified after {@code since}, oldest first, at most
     * {@code limit}. The page's {@code nextSince} is where the next poll starts.
     */
    Uni<ChangePage> changesSince(Instant since, int limit, CallLog calls);

    /**
     * Writes the lead's lifecycle stage (for example {@code customer}) on the contact, where the CRM has a field for it
     * and the field mapping names it; a no-op otherwise.
     */
    default Uni<Void> updateLifecycle(String contactId, String lifecycle, CallLog calls) {
        return Uni.createFrom().voidItem();
    }
}
