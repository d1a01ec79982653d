package io.leadflow.capture.domain;

import java.net.IDN;
import java.util.Locale;

/** Who a submission is from: one lead per normalised e-mail address. */
public final class LeadIdentity {

    private LeadIdentity() {
    }

    /**
     * The key that finds the same person across submissions: the whole address lower-cased, its domain
     * in ASCII (IDNA), so {@code Ada@Bücher.de} and {@code ada@xn--bcher-kva.de} are one lead. Local
     * parts are case-sensitive in theory only; no mail system a lead uses treats them so.
     */
    public static String emailKey(String normalisedEmail) {
        int at = normalisedEmail.lastIndexOf('@');
        String domain = normalisedEmail.substring(at + 1);
        String asciiDomain;
        try {
            asciiDomain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            asciiDomain = domain;
        }
        return (normalisedEmail.substring(0, at) + "@" + asciiDomain).toLowerCase(Locale.ROOT);
    }
}
