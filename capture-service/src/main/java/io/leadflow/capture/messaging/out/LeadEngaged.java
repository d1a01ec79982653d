package io.leadflow.capture.messaging.out;

import io.leadflow.capture.domain.Engagement;
import io.leadflow.capture.domain.Utm;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of LeadEngaged on leads.capture.v1 (contract: contracts/.../LeadEngaged.schema.json): a lead engaged.
 * One event per lead per request (or per linking submission), carrying that lead's engagements in time order, so
 * scoring re-scores a lead once per batch rather than once per page view; each engagement keeps its own
 * {@code occurredAt} and {@code engagementId} (scoring orders and de-duplicates by them).
 */
public record LeadEngaged(String trigger, UUID submissionId, int engagementCount, List<Item> engagements) {

    public static final String TYPE = "LeadEngaged";
    /** Engagements of a known lead, recorded by this request. */
    public static final String TRACKED = "tracked";
    /** Anonymous engagements of a visitor (or of an address not yet a lead) that a submission has just linked. */
    public static final String LINKED = "linked";

    /** One engagement as scoring reads it. */
    public record Item(UUID engagementId, String type, Instant occurredAt, Instant receivedAt, String url, String title,
                       Utm utm, Map<String, Object> detail, String visitorId, String formId, String source) {

        public static Item of(Engagement e, String formId, String source, Instant receivedAt) {
            return new Item(e.id(), e.type().wireName(), e.occurredAt(), receivedAt, e.url(), e.title(), e.utm(),
                    e.detail(), e.visitorId(), formId, source);
        }
    }

    public static LeadEngaged tracked(List<Item> items) {
        return new LeadEngaged(TRACKED, null, items.size(), inTimeOrder(items));
    }

    public static LeadEngaged linked(UUID submissionId, List<Item> items) {
        return new LeadEngaged(LINKED, submissionId, items.size(), inTimeOrder(items));
    }

    private static List<Item> inTimeOrder(List<Item> items) {
        return items.stream().sorted(Comparator.comparing(Item::occurredAt).thenComparing(Item::engagementId)).toList();
    }
}
