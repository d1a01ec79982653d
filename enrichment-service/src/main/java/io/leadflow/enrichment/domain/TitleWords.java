package io.leadflow.enrichment.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Job-title words labelled by the gazetteer of the IPOD data set (Liu et al., CSCW 2020), licensed CC BY 4.0
 * (https://creativecommons.org/licenses/by/4.0/; the licence ships next to the file). Shipped unchanged in
 * {@code leadflow/job-titles/ipod_gazetteer.csv}; three annotators labelled each word RES (responsibility), FUN
 * (function), LOC (location) or O, and the label at least two of them gave is the one used here.
 * {@link JobTitles} drops location words ("EMEA", "North America") and takes an unmapped function word as a
 * department it does not name ({@code other}).
 */
public final class TitleWords {

    private final Set<String> locations;
    private final Set<String> functions;

    TitleWords(Set<String> locations, Set<String> functions) {
        this.locations = Set.copyOf(locations);
        this.functions = Set.copyOf(functions);
    }

    /** The gazetteer shipped with the service. */
    public static TitleWords shipped() {
        Set<String> locations = new HashSet<>();
        Set<String> functions = new HashSet<>();
        List<String> lines = EmailDomains.lines("/leadflow/job-titles/ipod_gazetteer.csv");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length < 4) {
                continue;
            }
            String word = cells[0].strip().toLowerCase(Locale.ROOT);
            String label = majority(cells[1].strip(), cells[2].strip(), cells[3].strip());
            if ("LOC".equals(label)) {
                locations.add(word);
            } else if ("FUN".equals(label)) {
                functions.add(word);
            }
        }
        return new TitleWords(locations, functions);
    }

    private static String majority(String a, String b, String c) {
        return a.equals(b) || a.equals(c) ? a : b.equals(c) ? b : null;
    }

    /** Whether the word names a place (a region, a country, a city) rather than a role. */
    public boolean isLocation(String word) {
        return locations.contains(word);
    }

    /** Whether any word of the (normalised, space-separated) title names a function. */
    public boolean hasFunctionWord(String normalisedTitle) {
        for (String word : normalisedTitle.split(" ")) {
            if (functions.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
