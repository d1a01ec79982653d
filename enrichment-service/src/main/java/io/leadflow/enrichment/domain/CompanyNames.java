package io.leadflow.enrichment.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Company names as people type them, made comparable: "ACME Robotics, Inc.", "Acme Robotics Inc" and "acme robotics"
 * are one name. {@link #normalize} keeps every word that tells one company from another; {@link #key} also drops the
 * generic words that many unrelated companies carry ("group", "holdings", "international" ...).
 *
 * <p>Normalisation, in order: letters that Unicode does not decompose are spelled out (ß ss, æ ae, ø o, ł l ...),
 * accents go (NFKD), lower case; apostrophes go ("McDonald's" mcdonalds); "(The)" and a share class "(Class A)" go;
 * ".com" glued to a word goes ("Amazon.com" amazon); dotted initials close up ("S.A.S." sas, "J.B. Hunt" jb hunt);
 * "&amp;" between two short initialisms closes up ("AT&amp;T" att, "P &amp; G" pg), any other "&amp;" reads "and";
 * punctuation is a space; abbreviations after the first word are written out ("Corp." corporation, "Bros." brothers,
 * "Labs" laboratories); a leading or trailing "the" goes; then the legal forms at the end go, one after the other
 * ("GmbH &amp; Co. KG", "Co., Ltd.", "S.A. de C.V.", "Sdn. Bhd."), with the "and" they leave dangling ("Merck &amp;
 * Co." merck). The last word left is never dropped: a company called "Limited" keeps its name.
 */
public final class CompanyNames {

    /** Legal forms of the main jurisdictions, as single words once dots are closed up. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            // US, UK, Ireland, Commonwealth
            "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "llc", "pllc", "llp", "lllp", "lp", "ltd",
            "limited", "plc", "pty", "pte", "pvt", "ulc", "dac", "cic",
            // German-speaking, Nordic, Benelux
            "gmbh", "ag", "kg", "kgaa", "ohg", "ug", "se", "ev", "eg", "bv", "nv", "bvba", "vof", "cv", "oy", "oyj", "ab", "publ",
            "as", "asa", "aps", "hf", "ehf",
            // French, Italian, Spanish, Portuguese, Latin America
            "sa", "sas", "sasu", "sarl", "eurl", "sca", "snc", "scs", "sci", "scop", "sem", "srl", "srls", "spa", "sapa", "sl",
            "slu", "sau", "lda", "ltda", "sab", "sapi", "eireli", "cie",
            // Eastern Europe, Asia
            "sro", "spol", "kft", "zrt", "nyrt", "doo", "ooo", "zao", "oao", "pao", "kk", "bhd", "sdn", "tbk", "jsc", "pjsc");

    /** Legal forms of several words, compared before the single words ("sa de cv" before "cv"). */
    private static final List<List<String>> LEGAL_PHRASES = List.of(
            List.of("s", "de", "rl", "de", "cv"), List.of("sa", "de", "cv"), List.of("sab", "de", "cv"),
            List.of("sapi", "de", "cv"), List.of("s", "de", "rl"), List.of("sp", "z", "oo"), List.of("spolka", "z", "oo"),
            List.of("kabushiki", "kaisha"), List.of("godo", "kaisha"), List.of("yugen", "kaisha"),
            List.of("public", "limited", "company"), List.of("limited", "liability", "company"),
            List.of("limited", "liability", "partnership"), List.of("limited", "partnership"), List.of("private", "limited"),
            List.of("s", "en", "c"), List.of("cia", "ltda"), List.of("a", "s"), List.of("sa", "rl"));

    /** Legal forms written before the name: "PT Bank Central Asia Tbk", "Kabushiki Kaisha Toshiba". */
    private static final List<List<String>> LEADING_LEGAL_FORMS = List.of(List.of("pt"), List.of("kabushiki", "kaisha"));

    /** Words that join the others; left in the normalised name, ignored when names are compared word by word. */
    private static final Set<String> STOP_WORDS = Set.of("and", "of", "the", "de", "du", "des", "la", "le", "les", "et", "und");

    /**
     * Words that many unrelated companies carry, and the country qualifiers of subsidiaries. The key drops them (see
     * {@link #generic}): "Expedia Group" and "Expedia", "Goldman Sachs Group, Inc." and "Goldman Sachs", "T-Mobile US" and
     * "T-Mobile" share a key. Chosen narrow: a descriptive word that tells companies apart ("bank", "energy",
     * "materials", "systems", "america") is not generic.
     */
    private static final Set<String> GENERIC_WORDS = Set.of("group", "groupe", "gruppe", "grupo", "groep", "holding",
            "holdings", "international", "global", "worldwide", "companies", "enterprise", "enterprises", "industries",
            "technologies", "technology", "us", "usa", "uk", "europe", "emea", "apac", "americas");

    /** Abbreviations written out, so that "Corp. of America" and "Corporation of America" are one name. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("corp", "corporation"),
            Map.entry("co", "company"), Map.entry("inc", "incorporated"), Map.entry("ltd", "limited"),
            Map.entry("intl", "international"), Map.entry("bros", "brothers"), Map.entry("mfg", "manufacturing"),
            Map.entry("labs", "laboratories"), Map.entry("svcs", "services"), Map.entry("mgmt", "management"),
            Map.entry("natl", "national"), Map.entry("hldgs", "holdings"), Map.entry("grp", "group"),
            Map.entry("assoc", "associates"), Map.entry("ctr", "center"));

    /** The generic words and legal forms long enough to be mistyped ("Corportion", "Holdngs"). */
    static final List<String> LONG_FORM_WORDS = java.util.stream.Stream.concat(GENERIC_WORDS.stream(), LEGAL_FORMS.stream())
            .filter(w -> w.length() >= 6).sorted().toList();

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʼ]");
    private static final Pattern THE_OR_CLASS = Pattern.compile("\\(\\s*(?:the|class [a-z0-9])\\s*\\)");
    private static final Pattern GLUED_TLD = Pattern.compile("(?<=[a-z0-9])\\.(?:com|net|org|io)\\b");
    private static final Pattern DOTTED_INITIALS = Pattern.compile("\\b[a-z](?:\\.[a-z])+\\b\\.?");
    private static final Pattern SHORT_AMPERSAND = Pattern.compile("\\b([a-z]{1,2}) ?& ?(?!co\\b)([a-z]{1,2})\\b");

    private CompanyNames() {
    }

    /** The normalised name ("ACME Robotics, Inc." acme robotics), or null when nothing is left of it. */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String t = spellOut(name);
        if (!ascii(t)) { // the regular expressions below are skipped when their character is absent: 200k names a second
            t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFKD)).replaceAll("");
            t = APOSTROPHES.matcher(t).replaceAll("");
        }
        t = t.toLowerCase(Locale.ROOT);
        if (t.indexOf('\'') >= 0 || t.indexOf('`') >= 0) {
            t = APOSTROPHES.matcher(t).replaceAll("");
        }
        if (t.indexOf('(') >= 0) {
            t = THE_OR_CLASS.matcher(t).replaceAll(" ");
        }
        if (t.indexOf('.') >= 0) {
            t = closeUpInitials(GLUED_TLD.matcher(t).replaceAll(""));
        }
        if (t.indexOf('&') >= 0) {
            t = SHORT_AMPERSAND.matcher(t).replaceAll("$1$2").replace("&", " and ");
        }
        t = alphanumericWords(t);
        if (t.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>(Arrays.asList(t.split(" ")));
        for (int i = 1; i < words.size(); i++) { // not the first: "Co-op", "Labs Inc"
            words.set(i, ABBREVIATIONS.getOrDefault(words.get(i), words.get(i)));
        }
        dropLegalForms(words);
        return String.join(" ", words);
    }

    /**
     * The comparison key: the normalised name without its generic words ("The Goldman Sachs Group, Inc." goldman sachs);
     * null when the name is made of nothing else ("Global Holdings Group"), which then only ever matches exactly.
     */
    public static String key(String name) {
        String normalized = normalize(name);
        if (normalized == null) {
            return null;
        }
        List<String> words = Arrays.asList(normalized.split(" "));
        boolean[] generic = generic(words);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (!generic[i]) {
                key.append(key.isEmpty() ? "" : " ").append(words.get(i));
            }
        }
        return key.isEmpty() ? null : key.toString();
    }

    /**
     * Which words of a normalised name are generic. The first word never is unless all are: it names the company
     * ("International Paper", "Global Payments"); after it, the generic words only qualify ("Expedia Group"). A name
     * of nothing but generic and stop words is all generic.
     */
    static boolean[] generic(List<String> words) {
        boolean[] generic = new boolean[words.size()];
        boolean distinctive = false;
        for (int i = 0; i < generic.length; i++) {
            generic[i] = GENERIC_WORDS.contains(words.get(i));
            distinctive |= !generic[i] && !STOP_WORDS.contains(words.get(i));
        }
        if (distinctive && generic.length > 0) {
            generic[0] = false;
        }
        return generic;
    }

    /** A normalised name without its spaces: "jp morgan chase" and "jpmorgan chase" are one name. */
    static String compact(String normalized) {
        return normalized.replace(" ", "");
    }

    /** The words of a normalised name that carry meaning (no stop words). */
    static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        for (String word : normalized.split(" ")) {
            if (!STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static void dropLegalForms(List<String> words) {
        for (List<String> leading : LEADING_LEGAL_FORMS) {
            if (words.size() > leading.size() && words.subList(0, leading.size()).equals(leading)) {
                words.subList(0, leading.size()).clear();
            }
        }
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        boolean dropped = true;
        while (dropped && words.size() > 1) {
            dropped = false;
            String last = words.get(words.size() - 1);
            if (last.equals("the") || last.equals("and") || last.equals("et") || last.equals("und")) {
                words.remove(words.size() - 1); // "Hartford, The"; the "and" of "Merck and Co"
                dropped = true;
                continue;
            }
            for (List<String> phrase : LEGAL_PHRASES) {
                int from = words.size() - phrase.size();
                if (from >= 1 && words.subList(from, words.size()).equals(phrase)) {
                    words.subList(from, words.size()).clear();
                    dropped = true;
                    break;
                }
            }
            if (!dropped && LEGAL_FORMS.contains(last)) {
                words.remove(words.size() - 1);
                dropped = true;
            }
        }
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Runs of a-z and 0-9, one space between them. */
    private static String alphanumericWords(String t) {
        StringBuilder out = new StringBuilder(t.length());
        boolean gap = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    // "S.A.S." sas, "s.p.a." spa, "J.B. Hunt" jb hunt; "E.ON" is left alone (not single letters).
    private static String closeUpInitials(String t) {
        Matcher m = DOTTED_INITIALS.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().replace(".", ""));
        }
        m.appendTail(out);
        return out.toString();
    }

    // Letters NFKD leaves whole.
    private static String spellOut(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String spelled = switch (c) {
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'Æ' -> "AE";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'ø' -> "o";
                case 'Ø' -> "O";
                case 'ł' -> "l";
                case 'Ł' -> "L";
                case 'đ' -> "d";
                case 'Đ' -> "D";
                case 'ı' -> "i";
                case 'þ' -> "th";
                case 'Þ' -> "TH";
                case 'ð' -> "d";
                case 'Ð' -> "D";
                default -> null;
            };
            if (spelled != null && out == null) {
                out = new StringBuilder(name.length() + 4).append(name, 0, i);
            }
            if (out != null) {
                out.append(spelled != null ? spelled : String.valueOf(c));
            }
        }
        return out == null ? name : out.toString();
    }
}
