package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account book is the real S&amp;P 500 list (../shared/data/companies, ODC-PDDL): id the symbol, name the
 * "Security" as written there, country US, no domains (synthesised only for the domain tests).
 */
class AccountIndexTest {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final List<Account> SP500 = sp500();
    private static final AccountIndex INDEX = new AccountIndex(SP500);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Apple Inc; AAPL", "APPLE; AAPL", "Apple, Inc.; AAPL", "apple inc.; AAPL", "Microsoft Corporation; MSFT",
            "MICROSOFT CORP; MSFT", "Alphabet; GOOG", "Alphabet Inc.; GOOG", "JP Morgan Chase; JPM", "J.P. Morgan Chase & Co.; JPM",
            "JPMorgan Chase & Co.; JPM", "Procter and Gamble; PG", "Procter & Gamble Co.; PG", "PROCTER & GAMBLE; PG",
            "3M company; MMM", "3M Co; MMM", "The Coca-Cola Company; KO", "Coca Cola; KO", "McDonalds; MCD",
            "Mc Donald's Corp; MCD", "Estée Lauder Companies Inc.; EL", "ESTEE LAUDER COMPANIES; EL", "Estee Lauder; EL",
            "Eli Lilly and Company; LLY", "Berkshire Hathaway Inc.; BRK.B", "Exxon Mobil Corporation; XOM",
            "The Walt Disney Company; DIS", "Walt Disney Co.; DIS", "AT&T Inc.; T", "AT & T; T", "Goldman Sachs Group, Inc.; GS",
            "The Goldman Sachs Group; GS", "Bristol-Myers Squibb Company; BMY", "O'Reilly Automotive, Inc.; ORLY",
            "Brown-Forman Corporation; BF.B", "Lowe's Companies, Inc.; LOW", "Home Depot, Inc.; HD", "The Home Depot; HD",
            "Expedia Group, Inc.; EXPE", "Expedia; EXPE", "T-Mobile US, Inc.; TMUS", "Nvidia Corporation; NVDA",
            "NVIDIA; NVDA", "Charles Schwab Corp; SCHW", "Arthur J Gallagher & Co; AJG", "JB Hunt Inc; JBHT",
            "J.B. Hunt; JBHT", "C.H. Robinson Worldwide; CHRW", "Warner Bros Discovery; WBD", "Packaging Corp of America; PKG",
            "Microsfot; MSFT", "Jonson & Jonson; JNJ", "Proctor & Gamble; PG", "Johnson Control; JCI", "Salesforce.com; CRM",
            "Tesla Inc; TSLA", "Amazon.com, Inc.; AMZN", "Boeign; BA", "Chubb Limiited; CB", "AES Corportion; AES",
    })
    void typedVariantsMatchTheirAccount(String typed, String symbol) {
        Optional<AccountMatch> match = INDEX.match(null, typed, null);
        assertThat(match).as(typed).isPresent();
        assertThat(match.get().accountId()).as(typed).isEqualTo(symbol);
        assertThat(match.get().method()).isEqualTo("name");
        assertThat(match.get().confidence()).isBetween(AccountIndex.DEFAULT_MIN_CONFIDENCE, 1.0);
    }

    @Test
    void reasonsSayHowTheNameMatched() {
        assertThat(INDEX.match(null, "Apple Inc.", "US").get())
                .isEqualTo(new AccountMatch("AAPL", "owner-AAPL", 1.0, "name", List.of("name_exact", "country_match")));
        assertThat(INDEX.match(null, "ACME", null)).isEmpty();
        assertThat(INDEX.match(null, "ACME Robotics", null)).isEmpty();
        assertThat(INDEX.match(null, "APPLE", null).get())
                .isEqualTo(new AccountMatch("AAPL", "owner-AAPL", 0.97, "name", List.of("name_normalized", "country_unknown")));
        AccountMatch typo = INDEX.match(null, "Microsfot", "US").get();
        assertThat(typo.reasons()).containsExactly("name_similar", "country_match");
        assertThat(typo.confidence()).isBetween(0.85, 0.95);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // near misses: one word of an account, a sibling company, another company sharing a word
            "Applied", "Apple Hospitality REIT", "Meta", "Meta Materials", "American", "American Airlines",
            "American Electric", "Express", "General Electric", "Bank of Montreal", "Amazon Web Services", "Delta Electronics",
            "Morgan", "Chase", "Intelsat", "Oracle Financial Services", "Apollo", "Lilly", "Disney", "Dollar", "Constellation",
            "Johnson", "Texas", "United", "Paper", "Payments", "First Republic", "Pacific Gas and Electric", "Boston Dynamics",
            // unrelated
            "Siemens", "Nestlé", "Toyota Motor Corporation", "Samsung Electronics", "Acme Robotics", "Tata Consultancy Services",
            "Banco Santander", "State Farm", "Sony Group", "LVMH", "Dupont Boulangerie SARL",
            // short or generic only
            "AB", "GE", "X", "Inc.", "Global", "Group", "The Group", "International Holdings", "Global Holdings Group",
    })
    void nearMissesAndUnrelatedNamesDoNotMatch(String typed) {
        assertThat(INDEX.lookup(null, typed, null).matched()).as(typed).isEmpty();
    }

    @Test
    void appleIsNotAppliedMaterialsMetaIsNotMetLifeAmericanExpressIsNotAmericanElectricPower() {
        assertThat(INDEX.match(null, "Apple", null).map(AccountMatch::accountId)).contains("AAPL");
        assertThat(INDEX.match(null, "Applied Materials", null).map(AccountMatch::accountId)).contains("AMAT");
        assertThat(INDEX.match(null, "Meta Platforms", null).map(AccountMatch::accountId)).contains("META");
        assertThat(INDEX.match(null, "MetLife", null).map(AccountMatch::accountId)).contains("MET");
        assertThat(INDEX.match(null, "American Express", null).map(AccountMatch::accountId)).contains("AXP");
        assertThat(INDEX.match(null, "American Electric Power", null).map(AccountMatch::accountId)).contains("AEP");
        assertThat(AccountIndex.typoCredit("apple", "applied")).isZero();
        // Without Apple and AXP in the book, nothing else is taken for them.
        AccountIndex without = new AccountIndex(SP500.stream().filter(a -> !Set.of("AAPL", "META", "AXP").contains(a.id())).toList());
        assertThat(without.match(null, "Apple", null)).isEmpty();
        assertThat(without.match(null, "Apple Inc.", null)).isEmpty();
        assertThat(without.match(null, "Meta", null)).isEmpty();
        assertThat(without.match(null, "Meta Platforms, Inc.", null)).isEmpty();
        assertThat(without.match(null, "American Express", null)).isEmpty();
    }

    /** The pairs the list itself holds: two share classes of one company, and companies sharing a word. */
    @Test
    void ambiguousPairsOfTheListBehaveAsDocumented() {
        // Share classes: one normalised name, two accounts: the smallest id, said shared.
        AccountMatch alphabet = INDEX.match(null, "Alphabet Inc.", null).get();
        assertThat(alphabet.accountId()).isEqualTo("GOOG");
        assertThat(alphabet.reasons()).containsExactly("name_normalized", "country_unknown", "name_shared");
        assertThat(INDEX.match(null, "Fox Corporation", null).get().accountId()).isEqualTo("FOX");
        assertThat(INDEX.match(null, "News Corp", null).get().accountId()).isEqualTo("NWS");
        // As typed, one class is exact and the other only normalised: the exact one, still said shared.
        AccountMatch foxA = INDEX.match(null, "Fox Corporation (Class A)", null).get();
        assertThat(foxA.accountId()).isEqualTo("FOXA");
        assertThat(foxA.reasons()).containsExactly("name_exact", "country_unknown", "name_shared");
        // Companies sharing a first word: the name of one alone is neither.
        for (String shared : List.of("Constellation", "Huntington", "Dollar", "General", "Honeywell Inc", "GE", "FedEx Corp")) {
            AccountLookup lookup = INDEX.lookup(null, shared, null);
            if (shared.equals("FedEx Corp")) {
                assertThat(lookup.matched().map(AccountMatch::accountId)).contains("FDX"); // FedEx Freight is another
            } else if (shared.equals("Honeywell Inc")) {
                // "Technologies" is generic, "Aerospace" is not: Honeywell Technologies.
                assertThat(lookup.matched().map(AccountMatch::accountId)).contains("HON");
            } else {
                assertThat(lookup.outcome()).as(shared).isEqualTo(AccountLookup.Outcome.NONE);
            }
        }
        // Both of a pair spelled out: each its own.
        assertThat(INDEX.match(null, "Constellation Brands", null).get().accountId()).isEqualTo("STZ");
        assertThat(INDEX.match(null, "Constellation Energy", null).get().accountId()).isEqualTo("CEG");
        assertThat(INDEX.match(null, "Johnson & Johnson", null).get().accountId()).isEqualTo("JNJ");
        assertThat(INDEX.match(null, "Johnson Controls", null).get().accountId()).isEqualTo("JCI");
    }

    @Test
    void twoDifferentAccountsNearlyEquallyGoodAreAmbiguous() {
        AccountIndex index = new AccountIndex(List.of(
                new Account("1", "Acme Robotics", Set.of(), "US", "ada"),
                new Account("2", "Acme Robo Systems", Set.of(), "US", "grace"),
                new Account("3", "Acme Robotica", Set.of(), "US", "alan")));
        AccountLookup lookup = index.lookup(null, "Acme Robotic", "US");
        assertThat(lookup.outcome()).isEqualTo(AccountLookup.Outcome.AMBIGUOUS);
        assertThat(lookup.matched()).isEmpty();
        assertThat(index.match(null, "Acme Robotic", "US")).isEmpty();
        assertThat(lookup.rivals()).extracting(AccountMatch::accountId).containsExactlyInAnyOrder("1", "3");
        assertThat(lookup.rivals()).allSatisfy(r -> assertThat(r.reasons()).contains("name_similar", "ambiguous"));
        // Spelled exactly, one wins: 0.97 or 1.00 against at most 0.95 x the word score.
        assertThat(index.match(null, "Acme Robotics Inc", "US").get().accountId()).isEqualTo("1");
        assertThat(index.match(null, "ACME ROBOTICA", "US").get().accountId()).isEqualTo("3");
    }

    @Test
    void theCountryDecidesBetweenDuplicatesAndAMismatchCostsConfidence() {
        AccountIndex index = new AccountIndex(List.of(
                new Account("fr-1", "Acme Robotics SAS", Set.of(), "FR", "amelie"),
                new Account("us-1", "Acme Robotics, Inc.", Set.of(), "US", "ada"),
                new Account("de-1", "Zeta Maschinenbau GmbH", Set.of(), "DE", "dieter"),
                new Account("xx-1", "Omega Instruments", Set.of(), null, null)));
        assertThat(index.match(null, "ACME Robotics", "FR").get())
                .isEqualTo(new AccountMatch("fr-1", "amelie", 0.97, "name", List.of("name_normalized", "country_match")));
        assertThat(index.match(null, "Acme Robotics", "us").get().accountId()).isEqualTo("us-1");
        // No country: the same name twice is one company twice; the smallest id, said shared.
        assertThat(index.match(null, "Acme Robotics", null).get())
                .isEqualTo(new AccountMatch("fr-1", "amelie", 0.97, "name", List.of("name_normalized", "country_unknown",
                        "name_shared")));
        // A mismatch: 0.10 off. Exact and normalised names still match, a merely similar one no longer does.
        assertThat(index.match(null, "Zeta Maschinenbau GmbH", "AT").get())
                .isEqualTo(new AccountMatch("de-1", "dieter", 0.90, "name", List.of("name_exact", "country_mismatch")));
        assertThat(index.match(null, "Zeta Maschinenbau", "AT").get().confidence()).isEqualTo(0.87);
        assertThat(index.match(null, "Zeta Maschinenbaw", "DE").get().reasons()).containsExactly("name_similar", "country_match");
        assertThat(index.match(null, "Zeta Maschinenbaw", "AT")).isEmpty();
        // An account without a country: no country reason.
        assertThat(index.match(null, "Omega Instruments", "FR").get().reasons()).containsExactly("name_exact");
    }

    @Test
    void theDomainComesFirst() {
        AccountIndex index = new AccountIndex(List.of(
                new Account("a", "Acme Robotics", Set.of("https://www.acme.com/", "acme-robotics.fr"), "US", "ada"),
                new Account("b", "Globex", Set.of("globex.com"), "US", "grace"),
                new Account("c2", "Initech France", Set.of("initech.com"), "FR", "amelie"),
                new Account("c1", "Initech", Set.of("initech.com"), "US", null),
                new Account("d", "Umbrella", Set.of("umbrella.co.uk"), "GB", "ian")));
        assertThat(index.match("ACME.com", null, null).get())
                .isEqualTo(new AccountMatch("a", "ada", 1.0, "domain", List.of("domain_exact")));
        // The domain decides whatever the name says.
        assertThat(index.match("https://acme-robotics.fr/contact", "Globex", "FR").get().accountId()).isEqualTo("a");
        assertThat(index.match("eu.acme.com", null, null).get())
                .isEqualTo(new AccountMatch("a", "ada", 0.95, "domain", List.of("domain_parent")));
        assertThat(index.match("a.b.acme.com", null, null).get().reasons()).containsExactly("domain_parent");
        assertThat(index.match("shop.umbrella.co.uk", null, null).get().accountId()).isEqualTo("d");
        // Shared: the lead's country, else an owner, else the smallest id.
        assertThat(index.match("initech.com", null, "FR").get())
                .isEqualTo(new AccountMatch("c2", "amelie", 1.0, "domain", List.of("domain_exact", "domain_shared")));
        assertThat(index.match("initech.com", null, "US").get().accountId()).isEqualTo("c1");
        assertThat(index.match("initech.com", null, null).get().accountId()).isEqualTo("c2");
        // An unknown domain falls back on the name; a public suffix is nobody's parent.
        assertThat(index.match("globex.net", "Globex Corporation", null).get().method()).isEqualTo("name");
        assertThat(index.match("acme.co.uk", null, null)).isEmpty();
        assertThat(index.match("notacme.com", null, null)).isEmpty();
        assertThat(index.match("garbage", null, null)).isEmpty();
        assertThat(index.match(null, null, null)).isEmpty();
    }

    @Test
    void domainsOfTheSp500Book() {
        // Synthesised: symbol.com for every company; a lead's subsidiary domain finds its parent.
        List<Account> withDomains = SP500.stream()
                .map(a -> new Account(a.id(), a.name(), Set.of(a.id().toLowerCase(Locale.ROOT).replace('.', '-') + ".com"),
                        a.country(), a.ownerId()))
                .toList();
        AccountIndex index = new AccountIndex(withDomains);
        for (Account account : withDomains) {
            String domain = account.domains().iterator().next();
            assertThat(index.match("https://www." + domain + "/about", "Whatever", null).get().accountId()).isEqualTo(account.id());
            assertThat(index.match("de." + domain, null, null).get().confidence()).isEqualTo(0.95);
        }
    }

    /**
     * Precision and recall on variants generated from every name of the list (case, legal forms, "&amp;" and "and",
     * punctuation, "The", generic words, one typo), and on negatives (real companies not in the list, and names glued
     * from words of two companies of the list). Prints the figures; asserts floors that guard against regressions.
     */
    @Test
    void precisionAndRecallOnGeneratedVariants() {
        Random random = new Random(42);
        Map<String, String> normalizedOf = new HashMap<>();
        SP500.forEach(a -> normalizedOf.put(a.id(), CompanyNames.normalize(a.name())));
        int positives = 0;
        int truePositives = 0;
        int wrong = 0;
        int ambiguous = 0;
        Map<String, int[]> byKind = new HashMap<>();
        List<String> misses = new ArrayList<>();
        for (Account account : SP500) {
            for (Map.Entry<String, String> variant : variants(account.name(), random).entrySet()) {
                positives++;
                int[] kind = byKind.computeIfAbsent(variant.getKey(), k -> new int[2]);
                kind[1]++;
                AccountLookup lookup = INDEX.lookup(null, variant.getValue(), random.nextBoolean() ? "US" : null);
                if (lookup.ambiguous()) {
                    ambiguous++;
                }
                Optional<AccountMatch> match = lookup.matched();
                if (match.isEmpty()) {
                    misses.add(variant.getKey() + ": " + variant.getValue() + " (" + account.name() + ")");
                } else if (normalizedOf.get(match.get().accountId()).equals(normalizedOf.get(account.id()))) {
                    truePositives++; // a share class of the same company counts as right
                    kind[0]++;
                } else {
                    wrong++;
                    System.out.println("WRONG " + variant.getValue() + " -> " + match.get());
                }
            }
        }
        int negatives = 0;
        int falsePositives = 0;
        for (String name : negatives(random)) {
            negatives++;
            Optional<AccountMatch> match = INDEX.match(null, name, null);
            if (match.isPresent()) {
                falsePositives++;
                System.out.println("FALSE POSITIVE " + name + " -> " + match.get());
            }
        }
        double precision = truePositives / (double) (truePositives + wrong + falsePositives);
        double recall = truePositives / (double) positives;
        System.out.printf(Locale.ROOT, "Account matching on the S&P 500: %d variants, %d right, %d wrong, %d missed (%d ambiguous);"
                        + " %d negatives, %d matched. Precision %.4f, recall %.4f%n", positives, truePositives, wrong,
                positives - truePositives - wrong, ambiguous, negatives, falsePositives, precision, recall);
        byKind.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(Locale.ROOT,
                "  %-12s recall %.3f (%d/%d)%n", e.getKey(), e.getValue()[0] / (double) e.getValue()[1], e.getValue()[0],
                e.getValue()[1]));
        misses.stream().limit(40).forEach(m -> System.out.println("  missed " + m));
        assertThat(precision).isGreaterThanOrEqualTo(0.99);
        assertThat(recall).isGreaterThanOrEqualTo(0.90);
    }

    /**
     * The S&amp;P 500 among 200,000 synthetic accounts: the typed variants still find their account. Prints the build time
     * and the lookup times (not asserted: {@code EnrichmentBenchmarkTest} style figures, machine-dependent).
     */
    @Test
    void aBookOf200000AccountsStillFindsTheRightOne() {
        List<Account> book = new ArrayList<>(SP500);
        book.addAll(synthetic(200_000, new Random(7)));
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        AccountIndex index = new AccountIndex(book);
        double buildMs = (System.nanoTime() - start) / 1e6;
        double buildCpuMs = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        assertThat(index.size()).isEqualTo(book.size());
        List<String[]> queries = new ArrayList<>();
        for (String[] q : new String[][]{{"Apple Inc", "AAPL"}, {"Microsoft Corporation", "MSFT"}, {"JP Morgan Chase", "JPM"},
                {"Procter and Gamble", "PG"}, {"3M company", "MMM"}, {"Microsfot", "MSFT"}, {"Goldman Sachs Group", "GS"},
                {"Estée Lauder", "EL"}, {"Jonson & Jonson", "JNJ"}}) {
            queries.add(q);
            assertThat(index.match(null, q[0], "US").map(AccountMatch::accountId)).as(q[0]).contains(q[1]);
        }
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Account a = book.get(random.nextInt(book.size()));
            names.add(i % 2 == 0 ? a.name().toUpperCase(Locale.ROOT) : typo(a.name(), random));
        }
        for (int round = 0; round < 3; round++) { // warm-up, then measured
            long[] nanos = new long[names.size()];
            long cpu = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < names.size(); i++) {
                long t = System.nanoTime();
                index.lookup(null, names.get(i), null);
                nanos[i] = System.nanoTime() - t;
            }
            double cpuPerLookupUs = (CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / names.size();
            long[] domainNanos = new long[2_000];
            for (int i = 0; i < domainNanos.length; i++) {
                String domain = "www.sub." + "synth" + random.nextInt(200_000) + ".com";
                long t = System.nanoTime();
                index.lookup(domain, null, null);
                domainNanos[i] = System.nanoTime() - t;
            }
            if (round == 2) {
                Arrays.sort(nanos);
                Arrays.sort(domainNanos);
                System.out.printf(Locale.ROOT, "Account index of %d accounts built in %.0f ms (%.0f ms CPU); name lookup p50 %.1f us,"
                                + " p99 %.1f us, max %.1f us, mean CPU %.1f us; domain lookup p50 %.1f us, p99 %.1f us (%d cores,"
                                + " load %.1f)%n", index.size(), buildMs, buildCpuMs, nanos[nanos.length / 2] / 1e3,
                        nanos[nanos.length * 99 / 100] / 1e3, nanos[nanos.length - 1] / 1e3, cpuPerLookupUs,
                        domainNanos[domainNanos.length / 2] / 1e3, domainNanos[domainNanos.length * 99 / 100] / 1e3,
                        Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    // --- generated data

    private static final List<String> SUFFIXES = List.of(" Inc.", ", Inc.", " Inc", " Corp", " Corporation", " LLC", " Ltd",
            " Co.", " Company", " GmbH", " S.A.", " plc", " Limited", " SAS");

    /** Typed variants of a name, by kind. */
    private static Map<String, String> variants(String name, Random random) {
        String base = name.replaceAll("\\s*\\((The|Class [A-Z])\\)", "");
        Map<String, String> variants = new HashMap<>();
        variants.put("upper", name.toUpperCase(Locale.ROOT));
        variants.put("lower", base.toLowerCase(Locale.ROOT));
        variants.put("legal_form", base.replaceAll("(,? (Inc\\.|Corporation|Company|plc|Corp\\.|Limited|Ltd\\.))$", "")
                + SUFFIXES.get(random.nextInt(SUFFIXES.size())));
        variants.put("the", "The " + base);
        variants.put("punctuation", base.replace("-", " ").replace(".", "").replace(",", "").replace("'", "")
                .replace("’", ""));
        variants.put("ampersand", base.contains("&") ? base.replace("&", "and") : base.replace(" and ", " & "));
        variants.put("spaces", "  " + base.replace(" ", "   ") + " ");
        variants.put("accents", base.replace("e", "é").replace("a", "à"));
        String typo = typo(base, random);
        if (!typo.equals(base)) {
            variants.put("typo", typo);
        }
        return variants;
    }

    /** One typo in the longest word of 6+ letters: a swap of neighbours, a letter dropped or doubled (not the first). */
    private static String typo(String name, Random random) {
        String[] words = name.split(" ");
        int longest = -1;
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches("\\p{L}{6,}") && (longest < 0 || words[i].length() > words[longest].length())) {
                longest = i;
            }
        }
        if (longest < 0) {
            return name;
        }
        StringBuilder w = new StringBuilder(words[longest]);
        int at = 1 + random.nextInt(w.length() - 2);
        switch (random.nextInt(3)) {
            case 0 -> {
                char c = w.charAt(at);
                w.setCharAt(at, w.charAt(at + 1));
                w.setCharAt(at + 1, c);
            }
            case 1 -> w.deleteCharAt(at);
            default -> w.insert(at, w.charAt(at));
        }
        words[longest] = w.toString();
        return String.join(" ", words);
    }

    /** Real companies not in the list, and names glued from the first word of one company and the last of another. */
    private static List<String> negatives(Random random) {
        List<String> negatives = new ArrayList<>(List.of("Siemens AG", "Nestlé S.A.", "Toyota Motor Corporation",
                "Samsung Electronics", "LVMH Moët Hennessy Louis Vuitton", "TotalEnergies SE", "Unilever PLC", "BASF SE",
                "Sanofi", "Airbus SE", "SAP SE", "Shell plc", "BP p.l.c.", "HSBC Holdings", "Allianz SE", "AXA",
                "BNP Paribas", "Roche Holding AG", "Novartis AG", "Sony Group Corporation", "Tata Consultancy Services",
                "Infosys", "Alibaba Group", "Tencent Holdings", "Baidu", "Spotify", "Shopify", "Atlassian", "Canva",
                "American Airlines", "Apple Hospitality REIT", "Meta Materials", "General Electric", "Bank of Montreal",
                "Amazon Web Services", "Delta Electronics", "First Republic Bank", "Oracle Financial Services",
                "Boston Dynamics", "Texas Roadhouse", "Southern Copper", "Dollar Shave Club", "Intel Capital",
                "Visa Pharmaceuticals", "Target Logistics", "Marathon Oil", "Pacific Gas and Electric", "Morgan Lewis",
                "Johnson Outdoors", "Gen Re", "International Business Machines", "Ford Foundation"));
        // Glued names: both words must count ("Oracle Inc." is Oracle), and the result must not be a company of the list.
        Set<String> keys = new java.util.HashSet<>();
        SP500.forEach(a -> keys.add(CompanyNames.key(a.name())));
        for (int i = 0; i < 500; i++) {
            String[] a = SP500.get(random.nextInt(SP500.size())).name().split(" ");
            String[] b = SP500.get(random.nextInt(SP500.size())).name().split(" ");
            String glued = a[0] + " " + b[b.length - 1];
            String key = CompanyNames.key(glued);
            if (a.length > 1 && b.length > 1 && key != null && !key.equals(CompanyNames.key(a[0]))
                    && !key.equals(CompanyNames.key(b[b.length - 1])) && !keys.contains(key)) {
                negatives.add(glued);
            }
        }
        return negatives;
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "tor", "vex", "qua", "zen", "dri", "pho", "lux", "ar",
            "bel", "cor", "dan", "fi", "gra", "hel", "ix", "jo", "kre", "lum", "mo", "nor", "ost", "pra", "ril", "sol", "tri", "ul",
            "ven", "wex", "yor", "zu", "bra", "cla", "dex", "fen", "gor", "hyn"};
    private static final String[] TAILS = {"", "", " Inc.", " LLC", " GmbH", " SAS", " Ltd", " Group", " Holdings", " Systems",
            " Logistics", " Partners", " Labs", " Consulting", " Software", " Foods", " Energy", " Capital", " Health"};

    /** Accounts with invented names and domains, in several countries, most with an owner. */
    private static List<Account> synthetic(int n, Random random) {
        String[] countries = {"US", "US", "US", "GB", "FR", "DE", "CA", "ES", "IT", "NL", null};
        List<Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int words = 1 + random.nextInt(3);
            StringBuilder name = new StringBuilder();
            for (int w = 0; w < words; w++) {
                StringBuilder word = new StringBuilder();
                for (int s = 0, syllables = 2 + random.nextInt(2); s < syllables; s++) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
                name.append(w == 0 ? "" : " ").append(word);
            }
            name.append(TAILS[random.nextInt(TAILS.length)]);
            accounts.add(new Account("S" + i, name.toString(), Set.of("synth" + i + ".com"),
                    countries[random.nextInt(countries.length)], random.nextInt(10) == 0 ? null : "owner-" + random.nextInt(300)));
        }
        return accounts;
    }

    static List<Account> sp500() {
        return Sp500.companies().stream()
                .map(c -> new Account(c.symbol(), c.security(), Set.of(), "US", "owner-" + c.symbol())).toList();
    }
}
