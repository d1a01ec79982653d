package io.leadflow.enrichment.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The US state or Canadian province of a lead, from what was typed in a form or a file: "CA", "ca", "US-CA", "Calif.",
 * "California"; "QC", "PQ", "Québec", "Que.", "Province de Québec"; "Colombie-Britannique", "Nfld". Case, accents,
 * dots and hyphens do not matter. The 50 states, DC, the US outlying areas (AS, GU, MP, PR, UM, VI) and the 13
 * provinces and territories are shipped in {@code leadflow/geography/subdivisions.csv} (ISO 3166-2 codes and names,
 * with French names and common abbreviations), read once.
 *
 * <p>The country (ISO alpha-2) decides: US reads only US states, CA only Canadian provinces, any other country nothing
 * (only these two are known). Without a country, a text is read when only one of the two countries has it. In the
 * shipped table no state and province share a code, a name or an abbreviation (the French "N.-É." for Nova Scotia is
 * left out: it reads as Nebraska's NE), so without a country every known text is read: "CA" is California (a subdivision
 * code; it is never taken for the country Canada, which is not a subdivision: pass the country when it is known), and
 * "Georgia" is the US state (with a country other than US, the text is not read, so the country Georgia, GE, gives
 * nothing).
 */
public final class Subdivisions {

    /** A state, district, outlying area, province or territory. */
    public record Subdivision(String code, String name, String country) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PREFIX = Pattern.compile("^(?:the |state of |commonwealth of |province of |territory of "
            + "|province de |province du |province d |etat de |etat du |etat d )");
    private static final Pattern SUFFIX = Pattern.compile(" (?:state|province)$");
    private static final Pattern ISO_CODE = Pattern.compile("^(us|ca) ?([a-z]{2})$");

    /** Compact text to the subdivisions it names, by country. */
    private final Map<String, Map<String, Subdivision>> byText;

    Subdivisions(Map<String, Map<String, Subdivision>> byText) {
        this.byText = byText;
    }

    /** The shipped table, read once. */
    public static Subdivisions shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final Subdivisions INSTANCE = load(EmailDomains.lines("/leadflow/geography/subdivisions.csv"));
    }

    static Subdivisions load(List<String> lines) {
        Map<String, Map<String, Subdivision>> byText = new HashMap<>();
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false; // code,name,name_fr,aliases
                continue;
            }
            String[] cells = line.split(",", -1);
            String code = cells[0].strip();
            String country = code.substring(0, 2);
            Subdivision subdivision = new Subdivision(code, cells[1].strip(), country);
            add(byText, code.substring(3), subdivision);
            add(byText, cells[1], subdivision);
            add(byText, cells[2], subdivision);
            for (String alias : cells[3].split("\\|")) {
                add(byText, alias, subdivision);
            }
        }
        return new Subdivisions(byText);
    }

    private static void add(Map<String, Map<String, Subdivision>> byText, String text, Subdivision subdivision) {
        String key = compact(text);
        if (key == null) {
            return;
        }
        Subdivision before = byText.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(subdivision.country(), subdivision);
        if (before != null && !before.equals(subdivision)) {
            throw new IllegalStateException("\"" + text + "\" names both " + before.code() + " and " + subdivision.code());
        }
    }

    /** The subdivision a typed text names in a country (ISO alpha-2, or null when unknown); see the class comment. */
    public Optional<Subdivision> of(String typed, String country) {
        String c = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (c != null && !c.equals("US") && !c.equals("CA")) {
            return Optional.empty();
        }
        String words = words(typed);
        if (words == null) {
            return Optional.empty();
        }
        Matcher iso = ISO_CODE.matcher(words);
        if (iso.matches() && (typed.contains("-") || typed.contains(" "))) { // "US-CA", "CA QC"; not "usca"
            String prefix = iso.group(1).toUpperCase(Locale.ROOT);
            if (c != null && !c.equals(prefix)) {
                return Optional.empty();
            }
            c = prefix;
            words = iso.group(2);
        }
        Map<String, Subdivision> named = byText.get(words.replace(" ", ""));
        if (named == null) {
            return Optional.empty();
        }
        if (c != null) {
            return Optional.ofNullable(named.get(c));
        }
        return named.size() == 1 ? Optional.of(named.values().iterator().next()) : Optional.empty();
    }

    /** All the subdivisions known (for tests). */
    List<Subdivision> all() {
        return byText.values().stream().flatMap(m -> m.values().stream()).distinct().toList();
    }

    private static String compact(String text) {
        String words = words(text);
        return words == null ? null : words.replace(" ", "");
    }

    /**
     * Lower case without accents; dots and apostrophes glue ("N.Y." ny, "Hawai'i" hawaii), "&amp;" reads "and", other
     * punctuation is a space; "State of", "Province de" ... before and "State", "Province" after go.
     */
    private static String words(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        t = t.replaceAll("['’.]", "").replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
        t = SUFFIX.matcher(PREFIX.matcher(t).replaceFirst("")).replaceFirst("");
        return t.isEmpty() ? null : t;
    }
}
