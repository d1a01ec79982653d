package io.leadflow.enrichment.domain;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which known account a lead belongs to, from its company domain, else its company name. Immutable once built (about
 * 2 s of CPU for 200,000 accounts); a lookup reads hash maps (domains, names, an inverted index of name words, a
 * trigram index of the words for typos) and scores at most {@value #MAX_SCORED} candidates, never the whole book: tens
 * to hundreds of microseconds. Safe to share between threads.
 *
 * <h2>By domain</h2>
 * The lead's domain ({@link Websites#domainOf}) equal to an account's: confidence 1.0, {@code domain_exact}. Else its
 * nearest parent that is an account's ("eu.acme.com" under "acme.com"): 0.95, {@code domain_parent}. Several accounts
 * with that domain: the one in the lead's country, else one with an owner, else the smallest id, with
 * {@code domain_shared}. The name is not read when the domain decides.
 *
 * <h2>By name</h2>
 * Names are compared normalised ({@link CompanyNames}). The name score is 1.00 when the names are equal as typed
 * (case and spacing aside, {@code name_exact}), 0.97 when equal once normalised or once their spaces are taken out
 * ("JP Morgan Chase" and "JPMorgan Chase", {@code name_normalized}), else 0.95 x the word score ({@code name_similar}).
 * The word score pairs the words of the two names: equal words, words glued in one name and apart in the other, and
 * typos (same first letter, 5+ letters, one edit, or two from 9 letters on; the pair then counts for its Jaro-Winkler
 * similarity). Each name's share of paired words is weighed (a generic word such as "group" 0.2, an initial 0.3, any
 * other word 1) and the word score is the mean of the two shares: "Apple" and "Applied Materials" pair no word (two
 * edits) and score 0; "Meta" and "Meta Platforms" score (1 + 0.5) / 2 = 0.75, too little on its own.
 *
 * <p>Then the country, when the account has one: the lead's the same, {@code country_match}; the lead's unknown,
 * {@code country_unknown}; different, {@code country_mismatch} and 0.10 off (a lead from a subsidiary abroad still
 * matches on a well-written name, a merely similar one no longer does). So {@code confidence = nameScore - (mismatch ?
 * 0.10 : 0)}, rounded to two decimals.
 *
 * <h2>Deciding</h2>
 * Nothing under the minimum confidence (0.85 unless given) matches. Names of one or two characters, and names made only
 * of generic words, match only exactly or normalised, never by similarity. When another account comes within the margin
 * (0.03 unless given) of the best: if it has the same normalised name (a duplicate in the CRM, two share classes of one
 * company), the best is taken as for a shared domain (country, owner, smallest id) with {@code name_shared}; otherwise
 * nothing is chosen and {@link #lookup} says {@code AMBIGUOUS}, with the rivals.
 */
public final class AccountIndex {

    public static final double DEFAULT_MIN_CONFIDENCE = 0.85;
    public static final double DEFAULT_MARGIN = 0.03;

    static final double DOMAIN_EXACT = 1.00;
    static final double DOMAIN_PARENT = 0.95;
    static final double NAME_EXACT = 1.00;
    static final double NAME_NORMALIZED = 0.97;
    static final double NAME_SIMILAR = 0.95;
    static final double COUNTRY_MISMATCH_PENALTY = 0.10;
    static final double GENERIC_WEIGHT = 0.2;
    static final double INITIAL_WEIGHT = 0.3;

    /** At most this many candidates, those sharing the most words with the lead, are scored in full. */
    private static final int MAX_SCORED = 200;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** A name ready for comparison. */
    private record Name(String typed, String normalized, String compact, String[] words, double[] weights, double weight,
                        double unindexed, boolean fuzzy) {
    }

    private record Entry(int index, Account account, Name name) {
    }

    /** A candidate being weighed. */
    private record Scored(Entry entry, double confidence, List<String> reasons, boolean countryMatch) {
    }

    private final double minConfidence;
    private final double margin;
    /** The least word score a candidate must possibly reach to possibly reach the minimum within the margin. */
    private final double leastWordScore;
    private final Entry[] entries;
    private final Map<String, int[]> byDomain;
    private final Map<String, int[]> byNormalized;
    private final Map<String, int[]> byCompact;
    private final Map<String, int[]> byWord;
    /** Words of 5+ letters, for typos: first letter, padded trigram and length to word numbers in {@link #vocabulary}. */
    private final String[] vocabulary;
    private final Map<String, int[]> byTrigram;

    public AccountIndex(Collection<Account> accounts) {
        this(accounts, DEFAULT_MIN_CONFIDENCE, DEFAULT_MARGIN);
    }

    public AccountIndex(Collection<Account> accounts, double minConfidence) {
        this(accounts, minConfidence, DEFAULT_MARGIN);
    }

    /** An id given twice keeps its last account. */
    public AccountIndex(Collection<Account> accounts, double minConfidence, double margin) {
        if (minConfidence < 0 || minConfidence > 1 || margin < 0 || margin > 1) {
            throw new IllegalArgumentException("minConfidence and margin are in [0, 1]");
        }
        this.minConfidence = minConfidence;
        this.margin = margin;
        this.leastWordScore = (minConfidence - margin) / NAME_SIMILAR - 1e-9;
        Map<String, Account> byId = new HashMap<>();
        for (Account account : accounts) {
            byId.put(account.id(), account);
        }
        Account[] sorted = byId.values().toArray(Account[]::new);
        Arrays.sort(sorted, Comparator.comparing(Account::id)); // entry order is id order: ties go to the smallest id
        entries = new Entry[sorted.length];
        Map<String, IntList> domains = new HashMap<>();
        Map<String, IntList> normalized = new HashMap<>();
        Map<String, IntList> compact = new HashMap<>();
        Map<String, IntList> words = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            Account account = sorted[i];
            Name name = name(account.name());
            entries[i] = new Entry(i, account, name);
            for (String domain : account.domains()) {
                domains.computeIfAbsent(domain, d -> new IntList()).add(i);
            }
            if (name == null) {
                continue;
            }
            normalized.computeIfAbsent(name.normalized(), n -> new IntList()).add(i);
            compact.computeIfAbsent(name.compact(), n -> new IntList()).add(i);
            if (name.fuzzy()) {
                for (int w = 0; w < name.words().length; w++) {
                    if (indexed(name, w)) {
                        words.computeIfAbsent(name.words()[w], x -> new IntList()).addOnce(i);
                    }
                }
            }
        }
        byDomain = freeze(domains);
        byNormalized = freeze(normalized);
        byCompact = freeze(compact);
        byWord = freeze(words);
        List<String> vocab = new ArrayList<>();
        Map<String, IntList> trigrams = new HashMap<>();
        for (String word : byWord.keySet()) {
            if (word.length() >= 5 && !hasDigit(word)) { // typoCredit's conditions
                int n = vocab.size();
                vocab.add(word);
                for (String gram : trigrams(word)) {
                    trigrams.computeIfAbsent(gramKey(word, gram, word.length()), g -> new IntList()).add(n);
                }
            }
        }
        vocabulary = vocab.toArray(String[]::new);
        byTrigram = freeze(trigrams);
    }

    /** The account of a lead, when one is good enough and no other comes close. */
    public Optional<AccountMatch> match(String companyDomain, String companyName, String country) {
        return lookup(companyDomain, companyName, country).matched();
    }

    /** As {@link #match}, and says when several accounts were too close to choose. */
    public AccountLookup lookup(String companyDomain, String companyName, String country) {
        String leadCountry = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        String domain = Websites.domainOf(companyDomain);
        String reason = "domain_exact";
        double confidence = DOMAIN_EXACT;
        for (String d = domain; d != null; d = Websites.parentOf(d)) {
            int[] hits = byDomain.get(d);
            if (hits != null) {
                return AccountLookup.matched(byDomain(hits, confidence, reason, leadCountry));
            }
            reason = "domain_parent";
            confidence = DOMAIN_PARENT;
        }
        Name lead = name(companyName);
        return lead == null ? AccountLookup.NONE : byName(lead, leadCountry);
    }

    /** The number of accounts indexed. */
    public int size() {
        return entries.length;
    }

    private AccountMatch byDomain(int[] hits, double confidence, String reason, String leadCountry) {
        Entry best = null;
        for (int hit : hits) {
            Entry entry = entries[hit];
            if (best == null || rank(entry, leadCountry) < rank(best, leadCountry)) {
                best = entry;
            }
        }
        List<String> reasons = hits.length > 1 ? List.of(reason, "domain_shared") : List.of(reason);
        return new AccountMatch(best.account().id(), best.account().ownerId(), confidence, "domain", reasons);
    }

    // Lower is better: in the lead's country, then with an owner (entries are in id order for the rest).
    private static int rank(Entry entry, String leadCountry) {
        Account account = entry.account();
        boolean local = leadCountry != null && leadCountry.equals(account.country());
        return (local ? 0 : 2) + (account.ownerId() != null ? 0 : 1);
    }

    private AccountLookup byName(Name lead, String leadCountry) {
        Map<Integer, String> reasonOf = new HashMap<>();
        Map<Integer, Double> scoreOf = new HashMap<>();
        if (lead.fuzzy()) {
            // A word some account spells that way is taken as spelled right: "General" is no typo of "Generac".
            boolean[] known = new boolean[lead.words().length];
            for (int i = 0; i < known.length; i++) {
                known[i] = byWord.containsKey(lead.words()[i]);
            }
            for (int candidate : candidates(lead, known)) {
                Entry entry = entries[candidate];
                if (entry.name().fuzzy()) {
                    scoreOf.put(candidate, NAME_SIMILAR * wordScore(lead, entry.name(), known));
                    reasonOf.put(candidate, "name_similar");
                }
            }
        }
        for (int[] hits : Arrays.asList(byNormalized.get(lead.normalized()), byCompact.get(lead.compact()))) {
            for (int hit : hits == null ? new int[0] : hits) {
                boolean typed = entries[hit].name().typed().equals(lead.typed());
                scoreOf.put(hit, typed ? NAME_EXACT : NAME_NORMALIZED);
                reasonOf.put(hit, typed ? "name_exact" : "name_normalized");
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : scoreOf.entrySet()) {
            Entry entry = entries[e.getKey()];
            List<String> reasons = new ArrayList<>(List.of(reasonOf.get(e.getKey())));
            double confidence = e.getValue();
            String accountCountry = entry.account().country();
            boolean local = false;
            if (accountCountry != null) {
                if (leadCountry == null) {
                    reasons.add("country_unknown");
                } else if (leadCountry.equals(accountCountry)) {
                    reasons.add("country_match");
                    local = true;
                } else {
                    reasons.add("country_mismatch");
                    confidence -= COUNTRY_MISMATCH_PENALTY;
                }
            }
            confidence = round2(Math.max(0, confidence));
            if (confidence >= minConfidence - margin - 1e-9) {
                scored.add(new Scored(entry, confidence, reasons, local));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::confidence).reversed()
                .thenComparing(s -> !s.countryMatch())
                .thenComparing(s -> s.entry().account().ownerId() == null)
                .thenComparingInt(s -> s.entry().index()));
        if (scored.isEmpty() || scored.get(0).confidence() < minConfidence - 1e-9) {
            return AccountLookup.NONE;
        }
        Scored best = scored.get(0);
        List<Scored> close = new ArrayList<>(List.of(best));
        boolean sameName = true;
        for (Scored other : scored.subList(1, scored.size())) {
            if (other.confidence() + 1e-9 >= best.confidence() - margin) {
                close.add(other);
                sameName &= other.entry().name().normalized().equals(best.entry().name().normalized());
            }
        }
        if (!sameName) {
            List<AccountMatch> rivals = new ArrayList<>();
            for (Scored rival : close) {
                rivals.add(matchOf(rival, "ambiguous"));
            }
            return AccountLookup.ambiguous(rivals);
        }
        return AccountLookup.matched(matchOf(best, close.size() > 1 ? "name_shared" : null));
    }

    private static AccountMatch matchOf(Scored scored, String extraReason) {
        List<String> reasons = new ArrayList<>(scored.reasons());
        if (extraReason != null) {
            reasons.add(extraReason);
        }
        Account account = scored.entry().account();
        return new AccountMatch(account.id(), account.ownerId(), scored.confidence(), "name", reasons);
    }

    /**
     * The accounts that share enough words with the lead (as typed, glued together, or with a typo) to possibly reach
     * the minimum, the best {@link #MAX_SCORED} of them.
     */
    private List<Integer> candidates(Name lead, boolean[] known) {
        // The lead's indexed words with the accounts that have them (or a typo of them), rarest first.
        String[] words = lead.words();
        List<List<Map.Entry<int[], Double>>> postings = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (!indexed(lead, i)) {
                continue;
            }
            List<Map.Entry<int[], Double>> lists = new ArrayList<>();
            int[] exact = byWord.get(words[i]);
            if (exact != null) {
                lists.add(Map.entry(exact, 1.0));
            }
            if (!known[i] && words[i].length() >= 5) {
                typos(words[i]).forEach((typo, credit) -> lists.add(Map.entry(byWord.get(typo), credit)));
            }
            postings.add(lists);
            sizes.add(lists.stream().mapToInt(l -> l.getKey().length).sum());
            weights.add(lead.weights()[i]);
        }
        Integer[] order = new Integer[postings.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(sizes::get));
        // Per account: [0] the lead's weight paired, [1] the account's words paired (each indexed word weighs 1).
        Map<Integer, double[]> paired = new HashMap<>();
        double left = 0; // the weight of the lead's indexed words not read yet
        for (double w : weights) {
            left += w;
        }
        int leftWords = order.length;
        for (int i : order) {
            // An account first seen now pairs at most the words left: too few, and the common words are not read (a
            // name with "software" in it need not bring every software company of the book). They count as paired.
            double leadShareAtBest = (left + lead.unindexed()) / lead.weight();
            if ((Math.min(1, leadShareAtBest) + 1) / 2 < leastWordScore) {
                break;
            }
            Map<Integer, Double> credits = new HashMap<>();
            for (Map.Entry<int[], Double> list : postings.get(i)) {
                for (int e : list.getKey()) {
                    credits.merge(e, list.getValue(), Math::max); // a word pairs once, with its best credit
                }
            }
            double weight = weights.get(i);
            credits.forEach((e, credit) -> {
                double[] p = paired.computeIfAbsent(e, x -> new double[2]);
                p[0] += weight * credit;
                p[1] += credit;
            });
            left -= weight;
            leftWords--;
        }
        // Words apart in the lead and glued in the account: "jp morgan" and "jpmorgan".
        for (int i = 0; i + 1 < words.length; i++) {
            String glued = words[i];
            double weight = lead.weights()[i];
            for (int j = i + 1; j < Math.min(words.length, i + 3); j++) {
                glued += words[j];
                weight += lead.weights()[j];
                int[] hits = byWord.get(glued);
                if (hits != null) {
                    for (int e : hits) {
                        double[] p = paired.computeIfAbsent(e, x -> new double[2]);
                        p[0] += weight;
                        p[1] += 1;
                    }
                }
            }
        }
        // Keep the accounts whose word score could reach the minimum if every word not indexed paired too.
        List<Map.Entry<Integer, Double>> kept = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : paired.entrySet()) {
            Name name = entries[e.getKey()].name();
            double leadShare = Math.min(1, (e.getValue()[0] + left + lead.unindexed()) / lead.weight());
            double accountShare = Math.min(1, (e.getValue()[1] + leftWords + name.unindexed()) / name.weight());
            double bound = (leadShare + accountShare) / 2;
            if (bound >= leastWordScore) {
                kept.add(Map.entry(e.getKey(), bound));
            }
        }
        kept.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Integer> candidates = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : kept.subList(0, Math.min(MAX_SCORED, kept.size()))) {
            candidates.add(e.getKey());
        }
        return candidates;
    }

    /** Indexed words within a typo of a word (see {@link #typoCredit}), with their credit. */
    private Map<String, Double> typos(String word) {
        if (hasDigit(word)) {
            return Map.of();
        }
        int allowed = word.length() >= 9 ? 2 : 1;
        Set<String> grams = trigrams(word);
        // q-gram lemma: an edit spoils at most 3 of the padded trigrams, a swap of neighbours 4.
        int least = grams.size() - 4 * allowed;
        Map<Integer, Integer> shared = new HashMap<>();
        for (int length = word.length() - allowed; length <= word.length() + allowed; length++) {
            for (String gram : grams) {
                int[] hits = byTrigram.get(gramKey(word, gram, length));
                if (hits != null) {
                    for (int hit : hits) {
                        shared.merge(hit, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Double> typos = new HashMap<>();
        shared.forEach((n, count) -> {
            if (count >= least) {
                double credit = typoCreditOfLetters(word, vocabulary[n]);
                if (credit > 0) {
                    typos.put(vocabulary[n], credit);
                }
            }
        });
        return typos;
    }

    /** The word score of two names, in [0, 1]: see the class comment. Words of a known to be right are no typos. */
    private static double wordScore(Name a, Name b, boolean[] known) {
        String[] x = a.words();
        String[] y = b.words();
        double[] cx = new double[x.length];
        double[] cy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (cy[j] == 0 && x[i].equals(y[j])) {
                    cx[i] = 1;
                    cy[j] = 1;
                    break;
                }
            }
        }
        glued(x, cx, y, cy);
        glued(y, cy, x, cx);
        for (int i = 0; i < x.length; i++) {
            if (cx[i] > 0 || known[i]) {
                continue;
            }
            int bestJ = -1;
            double best = 0;
            for (int j = 0; j < y.length; j++) {
                if (cy[j] == 0) {
                    double credit = typoCredit(x[i], y[j]);
                    if (credit > best) {
                        best = credit;
                        bestJ = j;
                    }
                }
            }
            if (bestJ >= 0) {
                cx[i] = best;
                cy[bestJ] = best;
            }
        }
        return (share(cx, a) + share(cy, b)) / 2;
    }

    private static double share(double[] credits, Name name) {
        double paired = 0;
        for (int i = 0; i < credits.length; i++) {
            paired += credits[i] * name.weights()[i];
        }
        return name.weight() == 0 ? 0 : paired / name.weight();
    }

    // Two or three unpaired words of x that, glued, are an unpaired word of y.
    private static void glued(String[] x, double[] cx, String[] y, double[] cy) {
        for (int j = 0; j < y.length; j++) {
            if (cy[j] > 0) {
                continue;
            }
            for (int i = 0; i + 1 < x.length && cy[j] == 0; i++) {
                StringBuilder glued = new StringBuilder();
                for (int k = i; k < Math.min(x.length, i + 3) && cx[k] == 0; k++) {
                    glued.append(x[k]);
                    if (k > i && glued.toString().equals(y[j])) {
                        Arrays.fill(cx, i, k + 1, 1);
                        cy[j] = 1;
                        break;
                    }
                    if (!y[j].startsWith(glued.toString())) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * The credit of two different words as a typo of each other: their Jaro-Winkler similarity when both have 5+ letters
     * and no digit, the same first letter, and are one edit apart (two from 9 letters on; a swap of neighbours is one
     * edit); else 0. "apple" and "applied" are two edits apart: no typo.
     */
    static double typoCredit(String x, String y) {
        return hasDigit(x) || hasDigit(y) ? 0 : typoCreditOfLetters(x, y);
    }

    /** {@link #typoCredit} of two words known to have no digit. */
    private static double typoCreditOfLetters(String x, String y) {
        int shorter = Math.min(x.length(), y.length());
        if (shorter < 5 || x.charAt(0) != y.charAt(0)) {
            return 0;
        }
        int allowed = shorter >= 9 ? 2 : 1;
        if (Math.abs(x.length() - y.length()) > allowed || distance(x, y, allowed) > allowed) {
            return 0;
        }
        return JARO_WINKLER.apply(x, y);
    }

    /** Optimal string alignment distance (Levenshtein with swaps of neighbours), or limit + 1 once it exceeds limit. */
    static int distance(String x, String y, int limit) {
        int n = x.length();
        int m = y.length();
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], limit + 1);
    }

    /** A name ready for comparison, or null when it normalises to nothing. */
    private static Name name(String typed) {
        String normalized = CompanyNames.normalize(typed);
        if (normalized == null) {
            return null;
        }
        List<String> words = CompanyNames.words(normalized);
        boolean[] generic = CompanyNames.generic(words);
        double[] weights = new double[words.size()];
        double weight = 0;
        double unindexed = 0;
        int distinctiveLetters = 0;
        for (int i = 0; i < weights.length; i++) {
            String word = words.get(i);
            generic[i] |= i > 0 && mistypedForm(word);
            weights[i] = generic[i] ? GENERIC_WEIGHT : word.length() == 1 ? INITIAL_WEIGHT : 1;
            weight += weights[i];
            unindexed += weights[i] == 1 ? 0 : weights[i];
            distinctiveLetters += generic[i] ? 0 : word.length();
        }
        return new Name(collapse(typed), normalized, CompanyNames.compact(normalized), words.toArray(String[]::new), weights,
                weight, unindexed, distinctiveLetters > 2);
    }

    /** Lower case, one space between words: how a name compares "as typed". */
    private static String collapse(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        boolean gap = false;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isWhitespace(c)) {
                gap = true;
            } else {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                gap = false;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A mistyped generic word or legal form, which weighs as generic: "Corportion", "Technoloogies", "Limiited". */
    private static boolean mistypedForm(String word) {
        if (word.length() < 6) {
            return false;
        }
        for (String form : CompanyNames.LONG_FORM_WORDS) {
            int allowed = Math.min(word.length(), form.length()) >= 9 ? 2 : 1;
            if (form.charAt(0) == word.charAt(0) && Math.abs(form.length() - word.length()) <= allowed
                    && distance(word, form, allowed) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** Words worth an index entry: neither generic (too common to find anything) nor a lone initial. */
    private static boolean indexed(Name name, int i) {
        return name.weights()[i] == 1;
    }

    // Typos keep the first letter: the index is split by it, and by length.
    private static String gramKey(String word, String gram, int length) {
        return word.charAt(0) + gram + length;
    }

    private static Set<String> trigrams(String word) {
        String padded = "$$" + word + "$$";
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static Map<String, int[]> freeze(Map<String, IntList> lists) {
        Map<String, int[]> frozen = new HashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((key, list) -> frozen.put(key, list.toArray()));
        return frozen;
    }

    /** A growable list of ints, without boxing. */
    private static final class IntList {
        private int[] values = new int[2];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** Adds unless it is the last value added (a word twice in one name). */
        void addOnce(int value) {
            if (size == 0 || values[size - 1] != value) {
                add(value);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    @Override
    public String toString() {
        return "AccountIndex[" + entries.length + " accounts, minConfidence " + minConfidence + ", margin " + margin + "]";
    }
}
