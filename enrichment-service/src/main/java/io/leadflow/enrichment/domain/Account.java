package io.leadflow.enrichment.domain;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A known account: a company already in the CRM, with the owner (SDR or AE) its leads go to.
 *
 * @param id      the CRM's id of the account
 * @param name    the company name as the CRM has it
 * @param domains the account's web domains, normalised by {@link Websites#domainOf} (what is not a domain is dropped)
 * @param country ISO 3166 alpha-2 code, upper case, or null
 * @param ownerId the user who owns the account, or null
 */
public record Account(String id, String name, Set<String> domains, String country, String ownerId) {

    public Account {
        Objects.requireNonNull(id, "id");
        Set<String> normalised = new HashSet<>();
        if (domains != null) {
            for (String domain : domains) {
                String d = Websites.domainOf(domain);
                if (d != null) {
                    normalised.add(d);
                }
            }
        }
        domains = Set.copyOf(normalised);
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }
}
