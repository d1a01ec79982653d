package io.leadflow.capture.domain;

import java.util.Locale;
import java.util.Optional;

/** Who a submission is from: one lead per normalised e-mail address. */
public final class LeadIdentity {

    private LeadIdentity() {
    }

    /**
     * The key that finds the same person across submissions: {@link EmailAddresses.EmailAddress#identityKey()},
     * the whole address lower-cased with its domain in ASCII, so {@code Ada@Bücher.de} and
     * {@code ada@xn--bcher-kva.de} are one lead. Local parts are case-sensitive in theory only; no mail
     * system a lead uses treats them so.
     */
    public static String emailKey(String normalisedEmail) {
        return of(normalisedEmail).orElseGet(() -> normalisedEmail.toLowerCase(Locale.ROOT));
    }

    /** The key of an address someone typed (a lookup), or empty when it is not an e-mail address. */
    public static Optional<String> of(String typedEmail) {
        EmailAddresses.Parsed parsed = EmailAddresses.parse(typedEmail.strip());
        return parsed.valid() ? Optional.of(parsed.address().identityKey()) : Optional.empty();
    }
}
