package io.leadflow.scoring.rules;

import io.leadflow.rules.FactField;
import io.leadflow.rules.FieldCatalog;
import io.leadflow.rules.LeadFields;

import java.util.List;
import java.util.Map;

/**
 * The whitelist of facts a scoring rule may test. Paths starting {@code lead.} and {@code enrichment.} are
 * read from the LeadEnriched JSON as they are ({@link LeadFields}: a new enrichment field needs only a line
 * there, no code); {@code engagement.*} are counters computed from the lead's engagements at scoring time.
 * Enum values come from the contracts' schemas; {@code null} in a schema enum is "absent" here.
 */
public final class FactCatalog {

    /**
     * LeadEngaged's engagement types (schema enum), in schema order, then {@code reply}: a LeadTouched from routing
     * where the person answered the SDR (connected, replied, meeting booked).
     */
    public static final List<String> ENGAGEMENT_TYPES = List.of("page_view", "pricing_page_visit", "email_open",
            "email_click", "content_download", "webinar_attended", "demo_request", "reply");

    /** Prefix of the per-type engagement counters, e.g. {@code engagement.count.pricing_page_visit}. */
    static final String COUNT_PREFIX = "engagement.count.";
    static final String ENGAGEMENT_TOTAL = "engagement.total";
    static final String DAYS_SINCE_LAST = "engagement.daysSinceLast";

    private static final FieldCatalog CATALOG = build();

    private FactCatalog() {
    }

    /** The catalogue conditions are validated against. */
    static FieldCatalog catalog() {
        return CATALOG;
    }

    /** Every known field by path, in documentation order. */
    public static Map<String, FactField> fields() {
        return CATALOG.fields();
    }

    /** The field with this path, or {@code null}. */
    public static FactField field(String path) {
        return CATALOG.field(path);
    }

    private static FieldCatalog build() {
        FieldCatalog.Builder m = LeadFields.addTo(FieldCatalog.builder());
        // engagement: counters over the lead's engagements up to the scoring instant (not decayed)
        for (String type : ENGAGEMENT_TYPES) {
            m.number(COUNT_PREFIX + type, "how many " + type + " engagements the lead has");
        }
        m.number(ENGAGEMENT_TOTAL, "how many engagements of any type the lead has");
        m.number(DAYS_SINCE_LAST, "days (fractional) since the latest engagement; absent when none");
        return m.build();
    }
}
