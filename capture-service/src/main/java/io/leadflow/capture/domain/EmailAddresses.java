package io.leadflow.capture.domain;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an e-mail address the way python-email-validator does with {@code allow_quoted_local=True}
 * (its syntax cases are our tests): a dot-atom before the @, internationalised (SMTPUTF8) characters
 * allowed, a quoted local part accepted and unquoted when the quotes are not needed; after the @ a
 * domain name with a dot, internationalised names checked and converted to their ASCII (Punycode)
 * form. No display name ({@code Ada <ada@acme.com>}), no IP address in brackets, no special-use
 * domain ({@code .local}, {@code .test}...), no unsafe Unicode (controls, invisible formatting,
 * unassigned or private-use code points, a combining mark at the start). Limits: 64 bytes before
 * the @, 63 per domain label, 253 for the domain, 254 for the address (UTF-8, and in ASCII form).
 * Pure: no DNS, no I/O.
 *
 * <p>{@link #parse} does not trim: a form's fields are trimmed before they get here.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;
    static final int MAX_DOMAIN = 253;
    static final int MAX_LABEL = 63;

    private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";
    private static final String DOTS = ".\u3002\uFF0E\uFF61";
    private static final Set<String> SPECIAL_USE = Set.of(
            "arpa", "invalid", "local", "localhost", "onion", "test", "alt", "internal");

    private EmailAddresses() {
    }

    /**
     * A valid address. {@code localPart} as typed (Unicode NFC; a quoted local part keeps its quotes
     * only when they are needed), {@code domain} lower-cased in its Unicode form, {@code asciiDomain}
     * the same domain in ASCII (Punycode labels {@code xn--...}).
     */
    public record EmailAddress(String localPart, String domain, String asciiDomain) {

        /** The address to store and show: {@code localPart@domain}. */
        public String normalized() {
            return localPart + "@" + domain;
        }

        /** The address with its ASCII domain (the local part stays as typed: it may not be ASCII). */
        public String asciiEmail() {
            return localPart + "@" + asciiDomain;
        }

        /**
         * The same person across submissions: the whole address lower-cased, with the ASCII domain.
         * {@code Ada@Bücher.de} and {@code ada@xn--bcher-kva.de} share {@code ada@xn--bcher-kva.de}.
         */
        public String identityKey() {
            return Normalizer.normalize(localPart.toLowerCase(Locale.ROOT), Normalizer.Form.NFC) + "@" + asciiDomain;
        }

        /** Whether the local part has non-ASCII characters (its mail needs SMTPUTF8). */
        public boolean internationalised() {
            return !isAscii(localPart);
        }
    }

    /** Either the address or the reason it is not one, worded for the person who typed it. */
    public record Parsed(EmailAddress address, String problem) {

        public boolean valid() {
            return address != null;
        }

        static Parsed ok(EmailAddress address) {
            return new Parsed(address, null);
        }

        static Parsed refused(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** Reads {@code typed} (Unicode NFC first, no trimming). */
    public static Parsed parse(String typed) {
        if (typed == null || typed.isEmpty()) {
            return Parsed.refused("is required");
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFC);
        int open = s.indexOf('<');
        if (open >= 0 && s.indexOf('>', open) > open) {
            return Parsed.refused("must be the address alone, such as name@company.com, without a name or angle brackets");
        }
        String local;
        String domainPart;
        int localLength;
        if (s.startsWith("\"")) {
            QuotedLocal quoted = quotedLocal(s);
            if (quoted.problem != null) {
                return Parsed.refused(quoted.problem);
            }
            local = quoted.local;
            domainPart = s.substring(quoted.end + 1);
            localLength = Math.max(utf8Length(local), utf8Length(s.substring(0, quoted.end)));
        } else {
            int at = s.indexOf('@');
            if (at < 0) {
                return Parsed.refused(s.indexOf('\uFF20') >= 0 || s.indexOf('\uFE6B') >= 0
                        ? "must contain a single @ (a regular @, not a full-width or small one)"
                        : "must contain a single @, as in name@company.com");
            }
            local = s.substring(0, at);
            domainPart = s.substring(at + 1);
            localLength = utf8Length(local);
            String problem = dotAtomProblem(local);
            if (problem != null) {
                return Parsed.refused(problem);
            }
        }
        if (domainPart.indexOf('@') >= 0) {
            return Parsed.refused("must contain a single @, as in name@company.com");
        }
        // As typed (with any needless backslash) and as normalised: neither may be longer than the limits.
        if (localLength > MAX_LOCAL_PART) {
            return Parsed.refused("is too long before the @: at most " + MAX_LOCAL_PART
                    + " characters (fewer with accented or non-Latin letters)");
        }
        Domain domain = domain(domainPart);
        if (domain.problem != null) {
            return Parsed.refused(domain.problem);
        }
        EmailAddress address = new EmailAddress(local, domain.unicode, domain.ascii);
        if (utf8Length(typed) > MAX_LENGTH || utf8Length(address.normalized()) > MAX_LENGTH
                || utf8Length(address.asciiEmail()) > MAX_LENGTH) {
            return Parsed.refused("is too long: at most " + MAX_LENGTH + " characters (fewer with accented or non-Latin letters)");
        }
        return Parsed.ok(address);
    }

    // ---- before the @

    private record QuotedLocal(String local, int end, String problem) {
    }

    /** A quoted local part: {@code "..."} with backslash escapes, unquoted when the quotes are not needed. */
    private static QuotedLocal quotedLocal(String s) {
        StringBuilder content = new StringBuilder();
        int i = 1;
        while (true) {
            if (i >= s.length()) {
                return new QuotedLocal(null, -1, "has an opening quote \" before the @ without its closing quote");
            }
            int c = s.codePointAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                i++;
                int escaped = i < s.length() ? s.codePointAt(i) : -1;
                if (escaped < 0x20 || escaped > 0x7E) {
                    return new QuotedLocal(null, -1, "has a backslash before the @ that is not followed by a printable character");
                }
                c = escaped;
            }
            content.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (i + 1 >= s.length() || s.charAt(i + 1) != '@') {
            return new QuotedLocal(null, -1, "must have the @ right after the closing quote");
        }
        String text = content.toString();
        if (text.isEmpty()) {
            return new QuotedLocal(null, -1, "needs something before the @");
        }
        Set<String> unsafe = unsafeCharacters(text, true);
        if (!unsafe.isEmpty()) {
            return new QuotedLocal(null, -1, "contains characters that cannot be in an e-mail address: " + String.join(", ", unsafe));
        }
        String local = dotAtomProblem(text) == null
                ? text
                : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return new QuotedLocal(local, i + 1, null);
    }

    /** Null when {@code local} is a valid (internationalised) dot-atom, otherwise why not. */
    private static String dotAtomProblem(String local) {
        if (local.isEmpty()) {
            return "needs something before the @";
        }
        Set<String> unsafe = unsafeCharacters(local, false);
        if (!unsafe.isEmpty()) {
            return "contains characters that cannot be in an e-mail address: " + String.join(", ", unsafe);
        }
        // Decomposed as well: "≮" is "<" with a combining stroke, and some systems would split them.
        Set<String> bad = new LinkedHashSet<>();
        String decomposed = Normalizer.normalize(local, Normalizer.Form.NFD);
        decomposed.codePoints().filter(c -> c < 0x80 && !isAtext(c) && c != '.').forEach(c -> bad.add(display(c)));
        if (!bad.isEmpty()) {
            return "contains characters that are not allowed before the @: " + String.join(", ", bad);
        }
        if (local.startsWith(".")) {
            return "cannot start with a dot";
        }
        if (local.endsWith(".")) {
            return "cannot have a dot just before the @";
        }
        if (local.contains("..")) {
            return "cannot have two dots in a row";
        }
        return null;
    }

    private static boolean isAtext(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATEXT.indexOf(c) >= 0;
    }

    // ---- after the @

    private record Domain(String unicode, String ascii, String problem) {

        static Domain refused(String problem) {
            return new Domain(null, null, "the part after @ " + problem);
        }
    }

    private static Domain domain(String typed) {
        if (typed.isEmpty()) {
            return Domain.refused("is missing: it should be a domain name such as company.com");
        }
        if (typed.startsWith("[")) {
            return Domain.refused("must be a domain name such as company.com, not an address in brackets");
        }
        Set<String> unsafe = unsafeCharacters(typed, false);
        if (!unsafe.isEmpty()) {
            return Domain.refused("contains characters that cannot be in a domain name: " + String.join(", ", unsafe));
        }
        // Map each character as IDNA does (lower case, compatibility forms such as full-width letters
        // to their plain form), keeping ß and ς, and refuse what does not map to a hostname character.
        StringBuilder mapped = new StringBuilder();
        Set<String> bad = new LinkedHashSet<>();
        typed.codePoints().forEach(c -> {
            if (DOTS.indexOf(c) >= 0) {
                mapped.append('.');
                return;
            }
            String m = c == 'ß' || c == 'ς' ? Character.toString(c)
                    : lowerCase(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD));
            if (m.codePoints().anyMatch(x -> x < 0x80 && !isLdh(x) || DOTS.indexOf(x) >= 0)) {
                bad.add(display(c));
            }
            mapped.append(m);
        });
        if (!bad.isEmpty()) {
            return Domain.refused("contains characters that cannot be in a domain name: " + String.join(", ", bad));
        }
        String[] labels = Normalizer.normalize(mapped, Normalizer.Form.NFC).split("\\.", -1);
        if (labels.length == 1) {
            return Domain.refused("is not a valid domain name: it should have a dot, as in company.com");
        }
        if (labels[0].isEmpty()) {
            return Domain.refused("cannot start with a dot");
        }
        if (labels[labels.length - 1].isEmpty()) {
            return Domain.refused("cannot end with a dot");
        }
        List<String> unicode = new ArrayList<>();
        List<String> ascii = new ArrayList<>();
        for (String label : labels) {
            if (label.isEmpty()) {
                return Domain.refused("cannot have two dots in a row");
            }
            Label converted = label(label);
            if (converted.problem != null) {
                return Domain.refused(converted.problem);
            }
            unicode.add(converted.unicode);
            ascii.add(converted.ascii);
        }
        String asciiDomain = String.join(".", ascii);
        if (asciiDomain.length() > MAX_DOMAIN) {
            return Domain.refused("is too long: at most " + MAX_DOMAIN + " characters (fewer with accented or non-Latin letters)");
        }
        String tld = ascii.get(ascii.size() - 1);
        if (!Character.isLetter(tld.charAt(tld.length() - 1))) {
            return Domain.refused("is not a valid domain name: it should end with a top-level domain such as .com");
        }
        if (SPECIAL_USE.contains(tld)) {
            return Domain.refused("is a reserved name (." + tld + ") that cannot receive e-mail");
        }
        return new Domain(String.join(".", unicode), asciiDomain, null);
    }

    private record Label(String unicode, String ascii, String problem) {

        static Label refused(String problem) {
            return new Label(null, null, problem);
        }
    }

    /** One lower-cased, mapped label: its Unicode and ASCII forms, or why it is not a valid one. */
    private static Label label(String label) {
        if (label.startsWith("-") || label.endsWith("-")) {
            return Label.refused("is not a valid domain name: a hyphen cannot be next to a dot or the @");
        }
        boolean punycode = label.startsWith("xn--");
        if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-' && !punycode) {
            return Label.refused("is not a valid domain name: two hyphens cannot be 3rd and 4th (that is only for xn-- names)");
        }
        if (isAscii(label) && !punycode) {
            return label.length() > MAX_LABEL ? Label.refused(labelTooLong()) : new Label(label, label, null);
        }
        String unicode = label;
        if (punycode) {
            Optional<String> decoded = Punycode.decode(label.substring(4));
            if (decoded.isEmpty() || isAscii(decoded.get())
                    || !Normalizer.isNormalized(decoded.get(), Normalizer.Form.NFC)
                    || !unsafeCharacters(decoded.get(), false).isEmpty()
                    || !decoded.get().equals(lowerCase(decoded.get()))) {
                return Label.refused("is not a valid internationalised domain name (bad xn-- name)");
            }
            unicode = decoded.get();
        }
        String ascii = "xn--" + Punycode.encode(unicode);
        if (ascii.length() > MAX_LABEL) {
            return Label.refused(labelTooLong());
        }
        if (punycode && !ascii.equals(label)) {
            return Label.refused("is not a valid internationalised domain name (bad xn-- name)");
        }
        try {
            // The JDK's IDNA checks (prohibited characters, right-to-left rules); it would map ß and ς.
            IDN.toASCII(unicode.replace("ß", "ss").replace('ς', 'σ'), IDN.USE_STD3_ASCII_RULES | IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Label.refused("is not a valid domain name");
        }
        return new Label(unicode, ascii, null);
    }

    private static String labelTooLong() {
        return "is not a valid domain name: a part between dots is too long (at most " + MAX_LABEL + " characters)";
    }

    private static boolean isLdh(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    // ---- characters

    /**
     * Characters the e-mail specifications allow but no person types and that hide or change what
     * is shown: controls, formatting (invisible, bidirectional overrides), surrogates, private-use,
     * unassigned, separators other than the ASCII space (allowed only in quotes), and a combining
     * mark at the start (it would combine with whatever comes before the address).
     */
    private static Set<String> unsafeCharacters(String s, boolean allowSpace) {
        Set<String> bad = new LinkedHashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {
                    if (i == 0) {
                        bad.add(display(c));
                    }
                }
                case Character.SPACE_SEPARATOR -> {
                    if (!allowSpace || c != ' ') {
                        bad.add(display(c));
                    }
                }
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT,
                     Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> bad.add(display(c));
                default -> {
                    // letters, numbers, punctuation, symbols
                }
            }
        }
        return bad;
    }

    /** A character as a person can read it in a message: 'x', a space, or U+200B ZERO WIDTH SPACE. */
    static String display(int c) {
        if (c == ' ') {
            return "a space";
        }
        int type = Character.getType(c);
        boolean visible = Character.isLetterOrDigit(c) || switch (type) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.LETTER_NUMBER,
                 Character.OTHER_NUMBER -> true;
            default -> false;
        };
        if (visible) {
            return "'" + Character.toString(c) + "'";
        }
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " " + name);
    }

    private static String lowerCase(String s) {
        return s.codePoints().map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
