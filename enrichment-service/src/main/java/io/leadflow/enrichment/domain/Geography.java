package io.leadflow.enrichment.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a lead is: its ISO country, the sales region (EMEA, NA, LATAM, APAC) and the country's main time zone, which the
 * router needs for an SDR's working hours and a local-time call. Countries and their zones come from the IANA time
 * zone database's {@code zone.tab} (public domain), shipped in {@code leadflow/geography/}. A country with one zone has
 * it; for a country with several, the main one is that of its largest business centre (below); the region follows
 * from the zone's area, with the Middle East and the Caucasus in EMEA and the Americas split at Mexico.
 */
public final class Geography {

    /** A lead's place; null fields when the country is unknown. */
    public record Place(String country, String region, String timeZone) {
    }

    /** Countries whose first zone in zone.tab is not where most of their business is. */
    private static final Map<String, String> MAIN_ZONES = Map.ofEntries(
            Map.entry("US", "America/New_York"), Map.entry("CA", "America/Toronto"), Map.entry("MX", "America/Mexico_City"),
            Map.entry("BR", "America/Sao_Paulo"), Map.entry("AR", "America/Argentina/Buenos_Aires"),
            Map.entry("CL", "America/Santiago"), Map.entry("EC", "America/Guayaquil"), Map.entry("GL", "America/Nuuk"),
            Map.entry("AU", "Australia/Sydney"), Map.entry("NZ", "Pacific/Auckland"), Map.entry("RU", "Europe/Moscow"),
            Map.entry("CN", "Asia/Shanghai"), Map.entry("ID", "Asia/Jakarta"), Map.entry("MY", "Asia/Kuala_Lumpur"),
            Map.entry("KZ", "Asia/Almaty"), Map.entry("UZ", "Asia/Tashkent"), Map.entry("MN", "Asia/Ulaanbaatar"),
            Map.entry("CD", "Africa/Kinshasa"), Map.entry("DE", "Europe/Berlin"), Map.entry("ES", "Europe/Madrid"),
            Map.entry("PT", "Europe/Lisbon"), Map.entry("CY", "Asia/Nicosia"), Map.entry("UA", "Europe/Kyiv"),
            Map.entry("PG", "Pacific/Port_Moresby"), Map.entry("PF", "Pacific/Tahiti"), Map.entry("KI", "Pacific/Tarawa"),
            Map.entry("FM", "Pacific/Pohnpei"));

    /** Asian zones of the Middle East and the Caucasus: sold to from EMEA. */
    private static final Set<String> EMEA_ASIA = Set.of("Asia/Dubai", "Asia/Riyadh", "Asia/Qatar", "Asia/Bahrain",
            "Asia/Kuwait", "Asia/Muscat", "Asia/Aden", "Asia/Baghdad", "Asia/Tehran", "Asia/Jerusalem", "Asia/Gaza",
            "Asia/Hebron", "Asia/Amman", "Asia/Beirut", "Asia/Damascus", "Asia/Nicosia", "Asia/Famagusta", "Asia/Tbilisi",
            "Asia/Yerevan", "Asia/Baku");
    /** Indian Ocean zones off Africa (the Maldives and Chagos are APAC). */
    private static final Set<String> EMEA_INDIAN = Set.of("Indian/Antananarivo", "Indian/Comoro", "Indian/Mayotte",
            "Indian/Mauritius", "Indian/Reunion", "Indian/Mahe", "Indian/Kerguelen");
    /** North America: the United States, Canada and their Atlantic neighbours; the rest of the Americas is LATAM. */
    private static final Set<String> NORTH_AMERICA = Set.of("US", "CA", "PM", "BM", "GL", "UM");

    private final Map<String, String> mainZone;

    Geography(Map<String, String> mainZone) {
        this.mainZone = Map.copyOf(mainZone);
    }

    /** The countries of the shipped zone.tab with their main zones. */
    public static Geography shipped() {
        Map<String, String> zones = new HashMap<>();
        List<String> lines = EmailDomains.lines("/leadflow/geography/zone.tab");
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            zones.putIfAbsent(cells[0], cells[2]); // the first zone listed, unless MAIN_ZONES says otherwise
        }
        zones.putAll(MAIN_ZONES);
        return new Geography(zones);
    }

    /** The place of an ISO 3166 alpha-2 country code; all null for an unknown or missing code. */
    public Place of(String country) {
        String code = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        String zone = code == null ? null : mainZone.get(code);
        if (zone == null) {
            return new Place(null, null, null);
        }
        return new Place(code, region(code, zone), zone);
    }

    /** The countries known (for tests). */
    Set<String> countries() {
        return mainZone.keySet();
    }

    static String region(String country, String zone) {
        String area = zone.substring(0, zone.indexOf('/'));
        return switch (area) {
            case "Europe", "Africa", "Arctic" -> "EMEA"; // Arctic: Svalbard
            case "America" -> NORTH_AMERICA.contains(country) ? "NA" : "LATAM";
            case "Asia" -> EMEA_ASIA.contains(zone) ? "EMEA" : "APAC";
            case "Indian" -> EMEA_INDIAN.contains(zone) ? "EMEA" : "APAC";
            case "Atlantic" -> switch (zone) {
                case "Atlantic/Bermuda" -> "NA";
                case "Atlantic/Stanley", "Atlantic/South_Georgia" -> "LATAM";
                default -> "EMEA"; // Azores, Canaries, Madeira, Iceland, Faroe, Cape Verde, St Helena
            };
            case "Australia", "Pacific" -> "APAC";
            default -> null; // Antarctica
        };
    }
}
