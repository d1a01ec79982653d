package io.leadflow.routing.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.routing.distribution.Candidate;
import io.leadflow.routing.distribution.DistributionMethod;
import io.leadflow.routing.distribution.PoolState;
import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.Load;
import io.leadflow.routing.roster.OutOfOffice;
import io.leadflow.routing.roster.Shift;
import io.leadflow.routing.roster.WorkingHours;
import io.leadflow.routing.rules.RoutingFacts;
import io.leadflow.routing.rules.RoutingRuleSet;
import io.leadflow.routing.rules.RoutingRules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic in-memory routing setup for {@link RoutingDecisionBenchmark}, built from fixed seeds (the same every
 * run):
 *
 * <ul>
 *   <li><b>200 rules</b>, in the order a RevOps team would write them: 12 event rules (source, campaign, score) to a
 *       named SDR; 4 strategic-account rules (region, employee band, grade, account) to the account owner; 4 partner
 *       and 4 velocity rules per region (source, band); 160 territory rules (region x country list x employee band
 *       group x industry group, score at least 40) to 40 territory pools, NA's last; 12 inbound-channel rules
 *       (source, campaign, grade, score); 3 regional fallbacks; and last {@value #LAST_RULE} (NA, score at least 30)
 *       to {@value #BIG_POOL}. Catch-all: {@value #CATCH_ALL}.</li>
 *   <li><b>1,000 SDRs</b> in 19 time zones: {@value #BIG_POOL} holds 300 of them (NA zones), the other 700 work
 *       territories in four regions and also sit in regional, strategic, partner, velocity and channel pools;
 *       {@value #CATCH_ALL} holds all 1,000. Working hours with a lunch break (5% night shifts, 10% four-day weeks),
 *       regional public holidays plus personal days, 6% out of office during the benchmark week, 2% inactive, 3%
 *       paused, caps 25 open / 40 a day (juniors 15 / 20, 10% uncapped), loads up to and at the caps, weights 1-3.</li>
 *   <li><b>1,024 scored leads</b> (NA 45%, EMEA 30%, APAC 15%, LATAM 10%, 2% without geography, 10% with partial
 *       enrichment), each arriving on a weekday of 12-16 January 2026 between 07:00 and 20:00 in its region, in
 *       arrival order.</li>
 * </ul>
 */
public final class RoutingBenchFixtures {

    public static final int SDRS = 1_000;
    public static final int LEADS = 1_024;
    public static final String LAST_RULE = "na-fallback";
    public static final String BIG_POOL = "na-inbound";
    public static final String CATCH_ALL = "global-overflow";
    /** The worst case's arrival: Wednesday 09:15 in New York and Toronto, before the other NA zones start work. */
    public static final Instant WORST_CASE_AT = Instant.parse("2026-01-14T14:15:00Z");
    /**
     * The held lead's arrival: Wednesday 07:00 in New York (04:00 in Los Angeles), after the night shift and before
     * anyone in {@value #BIG_POOL} starts: nobody can take the lead, and the decision computes when to try again.
     */
    public static final Instant HELD_AT = Instant.parse("2026-01-14T12:00:00Z");

    /** A lead to route and when it arrives. */
    public record LeadCase(RoutingFacts facts, Instant at) {
    }

    /** A pool as configured: its id and members (SDR ids, in position order) with their weights. */
    public record PoolSpec(String id, List<String> members, List<Integer> weights) {
    }

    /** One SDR of the roster, as every pool they belong to sees them (position and weight aside). */
    public record Sdr(String id, Availability availability, Caps caps, Load load, int weight) {
    }

    private record Region(String code, ZoneId leadZone, List<ZoneId> zones, List<Sub> subs, List<LocalDate> holidays) {
    }

    private record Sub(String name, List<String> countries) {
    }

    private record Group(String name, List<String> values) {
    }

    private static final List<Group> BANDS = List.of(
            new Group("smb", List.of("1-10", "11-50")),
            new Group("growth", List.of("51-200")),
            new Group("midmarket", List.of("201-500", "501-1000")),
            new Group("enterprise", List.of("1001-5000")),
            new Group("strategic", List.of("5001-10000", "10000+")));

    private static final List<Group> INDUSTRIES = List.of(
            new Group("tech", List.of("software_internet", "it_services", "hardware_electronics", "telecom_media")),
            new Group("finhealth", List.of("financial_services", "healthcare_life_sciences", "professional_services")),
            new Group("industrial", List.of("manufacturing_industrial", "energy_utilities", "materials_chemicals",
                    "transport_logistics", "construction_real_estate")),
            new Group("consumer", List.of("retail_consumer", "food_beverage_agriculture", "education",
                    "public_sector_nonprofit", "hospitality_travel_leisure", "other")));

    /** In rule order: NA's territory rules come last. */
    private static final List<Region> REGIONS = List.of(
            new Region("EMEA", ZoneId.of("Europe/Paris"),
                    zones("Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Dublin",
                            "Europe/Stockholm"),
                    List.of(new Sub("north", List.of("GB", "IE", "NL", "SE", "DK", "NO", "FI")),
                            new Sub("central-south", List.of("DE", "FR", "ES", "IT", "CH", "AT", "BE", "PL"))),
                    dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-25", "2026-12-25",
                            "2026-12-26")),
            new Region("APAC", ZoneId.of("Asia/Singapore"),
                    zones("Australia/Sydney", "Asia/Singapore", "Asia/Tokyo", "Asia/Kolkata"),
                    List.of(new Sub("anz-sea", List.of("AU", "NZ", "SG", "MY")),
                            new Sub("north-asia-india", List.of("JP", "KR", "IN"))),
                    dates("2026-01-01", "2026-01-26", "2026-02-17", "2026-04-03", "2026-12-25")),
            new Region("LATAM", ZoneId.of("America/Sao_Paulo"),
                    zones("America/Sao_Paulo", "America/Mexico_City", "America/Bogota",
                            "America/Argentina/Buenos_Aires"),
                    List.of(new Sub("brazil", List.of("BR")),
                            new Sub("hispanic", List.of("MX", "AR", "CO", "CL", "PE"))),
                    dates("2026-01-01", "2026-02-16", "2026-02-17", "2026-04-03", "2026-05-01", "2026-12-25")),
            new Region("NA", ZoneId.of("America/Chicago"),
                    zones("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                            "America/Toronto"),
                    List.of(new Sub("us", List.of("US")), new Sub("ca", List.of("CA"))),
                    dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-07-03", "2026-09-07",
                            "2026-11-26", "2026-12-25")));

    private static final String[] EVENT_CITIES = {"london", "paris", "berlin", "sydney", "tokyo", "singapore",
        "sao-paulo", "mexico-city", "nyc", "sf", "chicago", "toronto"};
    private static final String[] SOURCES = {"google", "linkedin", "organic", "event", "partner", "g2", "referral",
        "capterra", "newsletter", "facebook"};
    private static final double[] SOURCE_SHARES = {0.25, 0.18, 0.17, 0.07, 0.06, 0.06, 0.05, 0.04, 0.07, 0.05};
    private static final String[] CAMPAIGNS = {"brand-search", "Q1-Enterprise", "webinar-data-pipelines",
        "webinar-revops-101", "competitor-switch", "pricing-page", "ebook-lead-scoring", "retargeting", "free-trial"};
    /** The channel pools: {@code [source or campaign keyword, pool]}. */
    private static final String[][] CHANNELS = {
        {"g2", "review-sites"}, {"capterra", "review-sites"}, {"referral", "referrals"},
        {"webinar", "webinar-followup"}, {"competitor", "paid-social"}, {"retargeting", "paid-social"}};

    private RoutingBenchFixtures() {
    }

    // ---------------------------------------------------------------------------------------------------- rules

    static String leaf(String field, String op, String value) {
        return "{ \"field\": \"" + field + "\", \"op\": \"" + op + "\"" + (value == null ? "" : ", \"value\": " + value)
                + " }";
    }

    private static String all(String... conditions) {
        return "{ \"all\": [ " + String.join(", ", conditions) + " ] }";
    }

    private static String any(String... conditions) {
        return "{ \"any\": [ " + String.join(", ", conditions) + " ] }";
    }

    private static String rule(String id, String when, String route) {
        return "{ \"id\": \"" + id + "\", \"when\": " + when + ", \"route\": " + route + " }";
    }

    private static String pool(String pool) {
        return "{ \"pool\": \"" + pool + "\" }";
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private static String list(List<String> values) {
        return values.stream().map(RoutingBenchFixtures::quoted)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String region(Region region) {
        return leaf("enrichment.geography.region", "eq", quoted(region.code()));
    }

    private static String lower(Region region) {
        return region.code().toLowerCase(java.util.Locale.ROOT);
    }

    /** The 200 rules' JSON (see the class documentation). */
    public static String ruleSetJson() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < EVENT_CITIES.length; i++) {
            rules.add(rule("event-" + EVENT_CITIES[i], all(leaf("lead.source", "eq", "\"event\""),
                    leaf("lead.campaign", "contains", quoted("summit-" + EVENT_CITIES[i])),
                    leaf("score.value", "gte", "60")), "{ \"sdr\": \"" + eventOwner(i) + "\" }"));
        }
        for (Region region : REGIONS) {
            rules.add(rule("strategic-" + lower(region), all(region(region),
                    leaf("enrichment.company.employeeBand", "in", list(BANDS.get(4).values())),
                    leaf("score.grade", "in", "[\"A1\", \"A2\", \"B1\"]"),
                    leaf("enrichment.account.accountId", "exists", null)),
                    "{ \"accountOwner\": { \"else\": { \"pool\": \"strategic-" + lower(region) + "\" } } }"));
        }
        for (Region region : REGIONS) {
            rules.add(rule("partners-" + lower(region), all(leaf("lead.source", "eq", "\"partner\""), region(region)),
                    pool("partners-" + lower(region))));
        }
        for (Region region : REGIONS) {
            rules.add(rule("velocity-" + lower(region), all(region(region),
                    leaf("enrichment.company.employeeBand", "eq", "\"1-10\""),
                    leaf("lead.source", "in", "[\"google\", \"organic\", \"facebook\"]"),
                    leaf("score.value", "lte", "60")), pool("velocity-" + lower(region))));
        }
        for (Region region : REGIONS) {
            for (Sub sub : region.subs()) {
                for (Group band : BANDS) {
                    for (Group industry : INDUSTRIES) {
                        rules.add(rule(territoryPool(region, sub, band) + "-" + industry.name(), all(region(region),
                                leaf("lead.country", "in", list(sub.countries())),
                                leaf("enrichment.company.employeeBand", "in", list(band.values())),
                                leaf("enrichment.company.industry", "in", list(industry.values())),
                                leaf("score.value", "gte", "40")), pool(territoryPool(region, sub, band))));
                    }
                }
            }
        }
        for (String[] channel : CHANNELS) {
            boolean source = !channel[0].equals("webinar") && !channel[0].equals("competitor")
                    && !channel[0].equals("retargeting");
            String match = source ? leaf("lead.source", "eq", quoted(channel[0]))
                    : leaf("lead.campaign", "contains", quoted(channel[0]));
            rules.add(rule("channel-" + channel[0] + "-hot", all(match, any(
                    leaf("score.grade", "in", "[\"A1\", \"A2\", \"A3\", \"B1\", \"B2\"]"),
                    leaf("score.value", "gte", "70"))), pool(channel[1])));
            rules.add(rule("channel-" + channel[0], all(match, leaf("score.value", "gte", "30"),
                    leaf("enrichment.emailClass", "eq", "\"business\"")), pool(channel[1])));
        }
        for (Region region : REGIONS) {
            String id = region.code().equals("NA") ? LAST_RULE : lower(region) + "-fallback";
            String target = region.code().equals("NA") ? BIG_POOL : lower(region) + "-general";
            rules.add(rule(id, all(region(region), leaf("score.value", "gte", "30")), pool(target)));
        }
        return "{ \"version\": \"bench-200\", \"catchAll\": " + pool(CATCH_ALL) + ", \"rules\": [ "
                + String.join(",\n", rules) + " ] }";
    }

    public static RoutingRuleSet ruleSet() {
        return RoutingRules.parse(ruleSetJson()).orElseThrow();
    }

    private static String territoryPool(Region region, Sub sub, Group band) {
        return lower(region) + "-" + sub.name() + "-" + band.name();
    }

    // ---------------------------------------------------------------------------------------------------- roster

    /** SDR ids by range: 0-299 NA inbound, then each region's territory team in REGIONS order. */
    private static final int[] TEAM_START = {300, 550, 670, 750, 1_000}; // EMEA 250, APAC 120, LATAM 80, NA 250

    private static String sdrId(int i) {
        return "sdr-" + i;
    }

    /** The SDR a summit's leads go to: one of the territory team of the city's region. */
    private static String eventOwner(int city) {
        int region = city < 3 ? 0 : city < 6 ? 1 : city < 8 ? 2 : 3;
        return sdrId(TEAM_START[region] + 7 * city + 3);
    }

    /** Every SDR, sdr-0 to sdr-999. */
    public static List<Sdr> roster() {
        Random random = new Random(42);
        List<Sdr> sdrs = new ArrayList<>(SDRS);
        LocalDate monday = LocalDate.of(2026, 1, 12);
        for (int i = 0; i < SDRS; i++) {
            Region region = i < TEAM_START[0] ? REGIONS.get(3) : REGIONS.get(regionOf(i));
            ZoneId zone = region.zones().get(i % region.zones().size());
            Map<DayOfWeek, List<Shift>> shifts = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.getValue() > 5 || i % 10 == 3 && day == DayOfWeek.FRIDAY) {
                    continue;
                }
                shifts.put(day, i % 20 == 0 ? List.of(Shift.parse("22:00-06:00"))
                        : i % 10 == 3 ? List.of(Shift.parse("08:00-18:00"))
                        : List.of(Shift.parse("08:30-12:30"), Shift.parse("13:30-17:30")));
            }
            List<LocalDate> holidays = new ArrayList<>(region.holidays());
            holidays.add(LocalDate.of(2026, 2 + random.nextInt(10), 1 + random.nextInt(28)));
            holidays.add(LocalDate.of(2026, 2 + random.nextInt(10), 1 + random.nextInt(28)));
            List<OutOfOffice> away = new ArrayList<>();
            if (random.nextDouble() < 0.06) { // away during the benchmark week
                Instant from = monday.atStartOfDay(zone).toInstant().plus(Duration.ofHours(random.nextInt(24 * 5)));
                away.add(new OutOfOffice(from, from.plus(Duration.ofDays(1 + random.nextInt(5)))));
            }
            if (random.nextDouble() < 0.15) { // planned leave later on
                Instant from = monday.plusWeeks(2 + random.nextInt(20)).atStartOfDay(zone).toInstant();
                away.add(new OutOfOffice(from, from.plus(Duration.ofDays(1 + random.nextInt(10)))));
            }
            boolean active = random.nextDouble() >= 0.02;
            boolean paused = random.nextDouble() < 0.03;
            Availability availability = Availability.of(zone, WorkingHours.of(shifts), holidays, away, active, paused);
            double kind = random.nextDouble();
            Caps caps = kind < 0.10 ? Caps.NONE : kind < 0.25 ? new Caps(15, 20) : new Caps(25, 40);
            int maxOpen = caps.maxOpenLeads() == null ? 30 : caps.maxOpenLeads();
            int maxDay = caps.maxLeadsPerDay() == null ? 30 : caps.maxLeadsPerDay();
            Instant last = random.nextDouble() < 0.02 ? null
                    : monday.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(random.nextInt(7 * 86_400));
            Load load = new Load(random.nextInt(maxOpen + 2), random.nextInt(maxDay / 2 + 2), last);
            sdrs.add(new Sdr(sdrId(i), availability, caps, load, kind < 0.25 ? 1 : 1 + random.nextInt(3)));
        }
        return sdrs;
    }

    private static int regionOf(int sdr) {
        for (int r = 0; r < 4; r++) {
            if (sdr < TEAM_START[r + 1]) {
                return r;
            }
        }
        throw new IllegalArgumentException("no SDR " + sdr);
    }

    /** Every pool the rules name, with its members in position order. */
    public static List<PoolSpec> pools(List<Sdr> roster) {
        Map<String, List<Integer>> pools = new LinkedHashMap<>();
        for (int i = 0; i < TEAM_START[0]; i++) {
            pools.computeIfAbsent(BIG_POOL, p -> new ArrayList<>()).add(i);
        }
        for (int r = 0; r < 4; r++) {
            Region region = REGIONS.get(r);
            for (int i = TEAM_START[r]; i < TEAM_START[r + 1]; i++) {
                int j = i - TEAM_START[r];
                Sub sub = region.subs().get(j % 2);
                Group band = BANDS.get(j / 2 % 5);
                pools.computeIfAbsent(territoryPool(region, sub, band), p -> new ArrayList<>()).add(i);
                if (!region.code().equals("NA")) {
                    pools.computeIfAbsent(lower(region) + "-general", p -> new ArrayList<>()).add(i);
                }
                if (band.name().equals("enterprise") || band.name().equals("strategic")) {
                    pools.computeIfAbsent("strategic-" + lower(region), p -> new ArrayList<>()).add(i);
                }
                if (j % 5 == 1) {
                    pools.computeIfAbsent("partners-" + lower(region), p -> new ArrayList<>()).add(i);
                }
                if (band.name().equals("smb")) {
                    pools.computeIfAbsent("velocity-" + lower(region), p -> new ArrayList<>()).add(i);
                }
            }
        }
        String[] channelPools = {"review-sites", "referrals", "webinar-followup", "paid-social"};
        for (int c = 0; c < channelPools.length; c++) {
            for (int i = c; i < SDRS; i += 25) {
                pools.computeIfAbsent(channelPools[c], p -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < SDRS; i++) {
            pools.computeIfAbsent(CATCH_ALL, p -> new ArrayList<>()).add(i);
        }
        List<PoolSpec> specs = new ArrayList<>();
        pools.forEach((id, members) -> specs.add(new PoolSpec(id,
                members.stream().map(RoutingBenchFixtures::sdrId).toList(),
                members.stream().map(i -> roster.get(i).weight()).toList())));
        return specs;
    }

    /** The pool's state as the store would read it: members in position order, no cursor, current weights 0. */
    public static PoolState poolState(PoolSpec spec, Map<String, Sdr> roster, DistributionMethod method) {
        List<Candidate> members = new ArrayList<>(spec.members().size());
        for (int p = 0; p < spec.members().size(); p++) {
            Sdr sdr = roster.get(spec.members().get(p));
            members.add(new Candidate(sdr.id(), p, spec.weights().get(p), 0, sdr.availability(), sdr.caps(),
                    sdr.load()));
        }
        return new PoolState(method, -1, members);
    }

    // ---------------------------------------------------------------------------------------------------- leads

    /** 1,024 scored leads in arrival order (see the class documentation). */
    public static List<LeadCase> leads() {
        Random random = new Random(7);
        List<LeadCase> leads = new ArrayList<>(LEADS);
        for (int n = 0; n < LEADS; n++) {
            double r = random.nextDouble();
            Region region = r < 0.45 ? REGIONS.get(3) : r < 0.75 ? REGIONS.get(0) : r < 0.90 ? REGIONS.get(1)
                    : REGIONS.get(2);
            boolean noGeography = random.nextDouble() < 0.02;
            boolean partial = random.nextDouble() < 0.10;
            Sub sub = region.subs().get(region.code().equals("NA") ? (random.nextDouble() < 0.85 ? 0 : 1)
                    : random.nextInt(region.subs().size()));
            String country = sub.countries().get(random.nextInt(sub.countries().size()));
            String band = pick(random, BANDS.get(weighted(random, 0.30, 0.22, 0.22, 0.14, 0.12)).values());
            String industry = pick(random, INDUSTRIES.get(random.nextInt(INDUSTRIES.size())).values());
            String source = SOURCES[weighted(random, SOURCE_SHARES)];
            String campaign = source.equals("event") ? "summit-" + EVENT_CITIES[random.nextInt(EVENT_CITIES.length)]
                    + "-2026" : CAMPAIGNS[random.nextInt(CAMPAIGNS.length)];
            int score = 30 + (int) Math.round(70 * Math.pow(random.nextDouble(), 1.4));
            String grade = (score >= 80 ? "A" : score >= 60 ? "B" : score >= 45 ? "C" : "D") + (1 + random.nextInt(4));
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("leadId", new UUID(0x0193a5b000007000L, 0x8000000000000000L | n).toString());
            root.put("eventType", "LeadScored");
            ObjectNode lead = root.putObject("lead");
            lead.put("email", "person" + n + "@company" + n % 97 + ".example");
            lead.put("country", country);
            lead.put("source", source);
            lead.put("medium", source.equals("google") ? "cpc" : "referral");
            lead.put("campaign", campaign);
            lead.put("formId", random.nextBoolean() ? "demo-request" : "contact-sales");
            lead.put("doNotContact", false);
            ObjectNode enrichment = root.putObject("enrichment");
            enrichment.put("emailDomain", "company" + n % 97 + ".example");
            enrichment.put("emailClass", random.nextDouble() < 0.9 ? "business" : "personal");
            if (!noGeography) {
                ObjectNode geography = enrichment.putObject("geography");
                geography.put("country", country);
                geography.put("region", region.code());
                geography.put("timeZone", region.leadZone().getId());
            }
            if (!partial) {
                ObjectNode company = enrichment.putObject("company");
                company.put("name", "Company " + n % 97);
                company.put("industry", industry);
                company.put("employeeBand", band);
                boolean big = band.equals("5001-10000") || band.equals("10000+");
                if (random.nextDouble() < (big ? 0.6 : 0.05)) {
                    ObjectNode account = enrichment.putObject("account");
                    account.put("accountId", "acc-" + n);
                    int r0 = REGIONS.indexOf(region);
                    account.put("ownerId", sdrId(TEAM_START[r0] + random.nextInt(TEAM_START[r0 + 1] - TEAM_START[r0])));
                    account.put("confidence", 1.0);
                    account.put("method", "domain");
                }
            }
            ObjectNode scored = root.putObject("score");
            scored.put("value", score);
            scored.put("grade", grade);
            scored.put("temperature", score >= 70 ? "hot" : score >= 45 ? "warm" : "cold");
            scored.put("mql", score >= 50);
            scored.put("ruleSetVersion", "default-2");
            ZoneId zone = noGeography ? ZoneOffset.UTC : region.leadZone();
            LocalDateTime local = LocalDate.of(2026, 1, 12 + random.nextInt(5)).atTime(7, 0)
                    .plusSeconds(random.nextInt(13 * 3_600));
            leads.add(new LeadCase(RoutingFacts.of(root), local.atZone(zone).toInstant()));
        }
        leads.sort(Comparator.comparing(LeadCase::at));
        return leads;
    }

    /**
     * The worst case: an NA lead of a US company whose enrichment is partial (no employee band, no industry), from
     * organic search, score 45. Every rule before {@value #LAST_RULE} (the last) is tried, NA's 40 territory rules
     * each as far as the employee band; it goes to the 300 SDRs of {@value #BIG_POOL}.
     */
    public static LeadCase worstCase() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("leadId", "0193a5b0-0000-7000-8000-00000000ffff");
        root.put("eventType", "LeadScored");
        ObjectNode lead = root.putObject("lead");
        lead.put("email", "sam@acme.example");
        lead.put("country", "US");
        lead.put("source", "organic");
        lead.put("medium", "organic");
        lead.put("campaign", "brand-search");
        lead.put("formId", "demo-request");
        ObjectNode enrichment = root.putObject("enrichment");
        enrichment.put("emailDomain", "acme.example");
        enrichment.put("emailClass", "business");
        ObjectNode geography = enrichment.putObject("geography");
        geography.put("country", "US");
        geography.put("region", "NA");
        geography.put("timeZone", "America/New_York");
        enrichment.put("partial", true);
        ObjectNode score = root.putObject("score");
        score.put("value", 45);
        score.put("grade", "C2");
        score.put("temperature", "warm");
        score.put("mql", false);
        return new LeadCase(RoutingFacts.of(root), WORST_CASE_AT);
    }

    /** The worst case's lead arriving at {@link #HELD_AT}, when nobody in {@value #BIG_POOL} works. */
    public static LeadCase held() {
        return new LeadCase(worstCase().facts(), HELD_AT);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static List<ZoneId> zones(String... ids) {
        return java.util.Arrays.stream(ids).map(ZoneId::of).toList();
    }

    private static List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static int weighted(Random random, double... shares) {
        double r = random.nextDouble() * java.util.Arrays.stream(shares).sum();
        for (int i = 0; i < shares.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
