package io.leadflow.enrichment.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain of a website or domain as people type it in forms and CRMs: "https://www.Acme.com/fr?x", "acme.com:443",
 * "user@Acme.com", "www.bücher.de". Scheme, user info, port, path, query, fragment and a leading "www." (or "www2.") go;
 * the rest is lower-cased and internationalised names are turned to ASCII (punycode) so that both spellings of a domain
 * compare equal. What cannot be a public domain name (one label, an IP address, bad characters, a bare public suffix such
 * as "co.uk") gives null: an account keyed on garbage would match leads it has nothing to do with.
 */
public final class Websites {

    // "acme.com:443" has no scheme: one is only read before "://", or as "mailto:".
    private static final Pattern SCHEME = Pattern.compile("^(?:[a-z][a-z0-9+.-]*://|mailto:)");
    private static final Pattern WWW = Pattern.compile("^www\\d*\\.");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * Second-level public suffixes common enough in leads that a CRM may hold one by mistake. Not the whole Public
     * Suffix List: only a guard against "co.uk" standing for a company.
     */
    private static final Set<String> PUBLIC_SUFFIXES = Set.of("co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk",
            "plc.uk", "com.au", "net.au", "org.au", "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "co.kr", "or.kr", "com.br",
            "net.br", "com.mx", "com.ar", "com.co", "com.cn", "net.cn", "com.hk", "com.sg", "com.my", "com.tw", "co.in",
            "net.in", "co.za", "co.il", "com.tr", "com.pl", "co.id", "co.th", "com.ph", "com.vn", "com.pe", "com.ec",
            "com.uy", "com.ve", "gouv.fr", "asso.fr", "com.es", "com.pt", "co.at", "or.at", "com.sa", "com.eg", "com.ng");

    private Websites() {
    }

    /** The normalised domain of a typed website, e-mail domain or URL; null when there is none. */
    public static String domainOf(String typed) {
        if (typed == null) {
            return null;
        }
        String t = typed.strip().toLowerCase(Locale.ROOT);
        t = SCHEME.matcher(t).replaceFirst("");
        if (t.startsWith("//")) {
            t = t.substring(2);
        }
        int end = indexOfAny(t, "/?#\\");
        if (end >= 0) {
            t = t.substring(0, end);
        }
        t = t.substring(t.lastIndexOf('@') + 1); // user info, or the domain of an e-mail address
        if (t.startsWith("[")) {
            return null; // an IPv6 literal
        }
        int colon = t.lastIndexOf(':');
        if (colon >= 0) {
            t = t.substring(0, colon);
        }
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1); // the root's dot
        }
        if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        try {
            t = IDN.toASCII(t, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        t = WWW.matcher(t).replaceFirst("");
        return valid(t) ? t : null;
    }

    /** The domain one level up ("eu.acme.com" to "acme.com"), or null when that would be a public suffix or a TLD. */
    static String parentOf(String domain) {
        int dot = domain.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String parent = domain.substring(dot + 1);
        return parent.indexOf('.') < 0 || PUBLIC_SUFFIXES.contains(parent) ? null : parent;
    }

    private static boolean valid(String domain) {
        if (domain.length() > 253 || IPV4.matcher(domain).matches() || PUBLIC_SUFFIXES.contains(domain)) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TLD.matcher(labels[labels.length - 1]).matches();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
