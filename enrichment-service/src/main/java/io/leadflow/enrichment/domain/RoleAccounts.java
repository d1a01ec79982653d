package io.leadflow.enrichment.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Role accounts: addresses of a function, not of a person (info@, sales@, contact@, bonjour@ ...). A lead from one
 * may be real, but nobody in particular will answer the call: scoring lowers it and SDRs see it.
 */
public final class RoleAccounts {

    private static final Set<String> ROLES = Set.of(
            "info", "infos", "information", "contact", "contacts", "contactus", "contact-us", "hello", "hi", "hey", "team",
            "office", "admin", "administrator", "administration", "sales", "sale", "marketing", "support", "help",
            "helpdesk", "service", "services", "customerservice", "billing", "invoices", "invoice", "accounts",
            "accounting", "finance", "enquiries", "enquiry", "inquiries", "inquiry", "noreply", "no-reply", "donotreply",
            "do-not-reply", "webmaster", "postmaster", "hostmaster", "abuse", "security", "privacy", "legal", "hr",
            "jobs", "careers", "recruiting", "recrutement", "press", "media", "pr", "news", "newsletter",
            "partners", "partnerships", "orders", "shop", "store", "reception", "general", "mail", "email", "all",
            "everyone", "staff", "it", "tech", "dev", "devops", "ops", "operations", "events", "social", "feedback",
            // French
            "bonjour", "commercial", "compta", "comptabilite", "direction", "accueil", "secretariat", "ventes",
            "facturation", "rh", "emploi", "candidature", "candidatures", "devis", "commande", "commandes", "clients");

    private RoleAccounts() {
    }

    /** Whether the address's local part (before any +tag) names a role. */
    public static boolean isRole(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        String local = email.substring(0, at).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        return ROLES.contains(plus < 0 ? local : local.substring(0, plus));
    }
}
