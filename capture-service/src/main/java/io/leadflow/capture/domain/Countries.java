package io.leadflow.capture.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a country as people type it into a form: ISO 3166-1 alpha-2 or alpha-3 codes in any case,
 * or the country's name in English or French, with or without accents ("France", "Allemagne",
 * "Etats-Unis", "DEU"), and answers its alpha-2 code. Names come from the JDK's locale data, plus
 * the few everyday names it does not use (USA, UK, Great Britain, Holland...).
 */
public final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            BY_NAME.put(key(code), code);
            BY_NAME.put(key(country.getISO3Country()), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(key(country.getDisplayCountry(Locale.FRENCH)), code);
        }
        Map.of("usa", "US", "united states of america", "US", "uk", "GB", "great britain", "GB",
                "england", "GB", "grande bretagne", "GB", "angleterre", "GB", "holland", "NL",
                "hollande", "NL", "south korea", "KR").forEach((name, code) -> BY_NAME.put(key(name), code));
    }

    private Countries() {
    }

    /** The ISO 3166-1 alpha-2 code of what was typed, if it names a country. */
    public static Optional<String> alpha2(String typed) {
        return typed == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(key(typed)));
    }

    // Case, accents, punctuation and spacing do not matter: "Côte d’Ivoire" = "cote d ivoire".
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
