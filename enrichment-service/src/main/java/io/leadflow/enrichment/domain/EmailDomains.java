package io.leadflow.enrichment.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies e-mail domains with two community lists shipped as resources: free webmail
 * (npm freemail 1.7.0, ISC) and disposable domains (disposable-email-domains-js 1.26.0, CC0).
 * Pure logic once loaded.
 */
public final class EmailDomains {

    private static final Pattern JSON_STRING = Pattern.compile("\"([^\"]+)\"");

    private final Set<String> freemail;
    private final Set<String> disposable;

    public EmailDomains(Set<String> freemail, Set<String> disposable) {
        this.freemail = Set.copyOf(freemail);
        this.disposable = Set.copyOf(disposable);
    }

    /** Loads the lists shipped in {@code leadflow/email-domains/}. */
    public static EmailDomains shipped() {
        Set<String> free = new HashSet<>();
        lines("/leadflow/email-domains/freemail-1.7.0-free.txt").forEach(line -> {
            String domain = line.strip().toLowerCase(Locale.ROOT);
            if (!domain.isEmpty() && !domain.startsWith("#")) {
                free.add(domain);
            }
        });
        Set<String> throwAway = new HashSet<>();
        Matcher m = JSON_STRING.matcher(String.join("\n", lines("/leadflow/email-domains/disposable-email-domains-1.26.0.json")));
        while (m.find()) {
            throwAway.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return new EmailDomains(free, throwAway);
    }

    /** The domain part of an address, lower-cased; null when there is none. */
    public static String domainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Disposable wins over free webmail: some throw-away services are also listed as free mail. */
    public EmailClass classify(String domain) {
        if (matches(disposable, domain)) {
            return EmailClass.DISPOSABLE;
        }
        if (matches(freemail, domain)) {
            return EmailClass.PERSONAL;
        }
        return EmailClass.BUSINESS;
    }

    // A listed domain also covers its subdomains (mail.yahoo.co.uk under yahoo.co.uk).
    private static boolean matches(Set<String> listed, String domain) {
        String candidate = domain;
        while (candidate != null) {
            if (listed.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            candidate = dot < 0 || candidate.indexOf('.', dot + 1) < 0 ? null : candidate.substring(dot + 1);
        }
        return false;
    }

    /** The lines of a resource shipped with the service. */
    static java.util.List<String> lines(String resource) {
        try (InputStream in = EmailDomains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
