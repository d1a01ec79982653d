package io.leadflow.capture.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a lead (or a visitor who may become one) did. The wire names are stable: they travel in the
 * API, the {@code engagement.type} column and LeadEngaged, and scoring keys its weights on them.
 */
public enum EngagementType {
    PAGE_VIEW("page_view", true),
    PRICING_PAGE_VISIT("pricing_page_visit", true),
    EMAIL_OPEN("email_open", false),
    EMAIL_CLICK("email_click", true),
    CONTENT_DOWNLOAD("content_download", true),
    WEBINAR_ATTENDED("webinar_attended", false),
    DEMO_REQUEST("demo_request", false);

    /** The wire names, comma-separated, for messages and docs. */
    public static final String WIRE_NAMES = Arrays.stream(values()).map(EngagementType::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;
    private final boolean needsUrl;

    EngagementType(String wireName, boolean needsUrl) {
        this.wireName = wireName;
        this.needsUrl = needsUrl;
    }

    public String wireName() {
        return wireName;
    }

    /** A page, a clicked link or a downloaded document is meaningless without its URL. */
    public boolean needsUrl() {
        return needsUrl;
    }

    public static Optional<EngagementType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
