package io.leadflow.enrichment.domain;

import java.net.IDN;
import java.util.Locale;

/** Temporary: the domain of a web site as typed (replaced by the account-matching branch's version). */
public final class Websites {

    private Websites() {
    }

    public static String domainOf(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String s = website.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        s = s.replaceFirst("[/?#].*$", "").replaceFirst("^.*@", "").replaceFirst(":\\d+$", "").replaceFirst("^www\\.", "");
        try {
            s = IDN.toASCII(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return s.contains(".") && s.matches("[a-z0-9.-]+") ? s : null;
    }
}
