package io.leadflow.enrichment.domain;

import java.util.List;

/**
 * The account a lead belongs to, and why.
 *
 * @param accountId  the account's id
 * @param ownerId    the account's owner, or null
 * @param confidence in [0, 1], two decimals (see {@link AccountIndex} for how it is reckoned)
 * @param method     {@code domain} or {@code name}
 * @param reasons    the evidence, in order: {@code domain_exact} | {@code domain_parent} [+ {@code domain_shared}], or
 *                   {@code name_exact} | {@code name_normalized} | {@code name_similar} [+ {@code country_match} |
 *                   {@code country_mismatch} | {@code country_unknown}] [+ {@code name_shared} | {@code ambiguous}]
 */
public record AccountMatch(String accountId, String ownerId, double confidence, String method, List<String> reasons) {

    public AccountMatch {
        reasons = List.copyOf(reasons);
    }
}
