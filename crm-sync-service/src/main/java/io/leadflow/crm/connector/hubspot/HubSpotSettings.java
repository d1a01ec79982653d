package io.leadflow.crm.connector.hubspot;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One HubSpot connection. Null arguments take the defaults below, so configuration only names what differs.
 *
 * @param baseUrl        the API root, default {@code https://api.hubapi.com} (a test points it at a local server)
 * @param token          the private app's access token, sent as {@code Authorization: Bearer}; it does not expire and
 *                       cannot be refreshed, so a 401 means someone has to fix the configuration
 * @param pipelineId     the pipeline new deals go into, default {@code default}
 * @param dealStage      the stage id new deals start in, default {@code appointmentscheduled}
 * @param defaultOwnerId the deal owner when neither the draft nor the company names one; null leaves the deal unowned
 * @param timeout        per request, default 10 s; a request that takes longer fails as transient (and may still have
 *                       committed in HubSpot, which is why every create is keyed)
 * @param wonStageIds    the stage ids that mean closed won, default {@code closedwon}; used only when HubSpot does not
 *                       send {@code hs_is_closed_won}
 * @param lostStageIds   the stage ids that mean closed lost, default {@code closedlost}
 * @param leadIdProperty the custom deal property holding Leadflow's lead id, default {@code leadflow_lead_id}. Create it
 *                       with {@code hasUniqueValue=true}: then HubSpot itself refuses a second deal for one lead, and a
 *                       deal can be read by it ({@code ?idProperty=}).
 */
public record HubSpotSettings(String baseUrl, String token, String pipelineId, String dealStage, String defaultOwnerId,
                              Duration timeout, Set<String> wonStageIds, Set<String> lostStageIds,
                              String leadIdProperty) {

    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

    public HubSpotSettings {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("HubSpot token must not be blank");
        }
        baseUrl = stripTrailingSlash(orDefault(baseUrl, DEFAULT_BASE_URL));
        pipelineId = orDefault(pipelineId, "default");
        dealStage = orDefault(dealStage, "appointmentscheduled");
        defaultOwnerId = defaultOwnerId == null || defaultOwnerId.isBlank() ? null : defaultOwnerId;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("HubSpot timeout must be positive: " + timeout);
        }
        wonStageIds = wonStageIds == null || wonStageIds.isEmpty() ? Set.of("closedwon") : Set.copyOf(wonStageIds);
        lostStageIds = lostStageIds == null || lostStageIds.isEmpty() ? Set.of("closedlost") : Set.copyOf(lostStageIds);
        leadIdProperty = orDefault(leadIdProperty, "leadflow_lead_id");
    }

    /** A connection with every default but the token. */
    public static HubSpotSettings withToken(String token) {
        return new HubSpotSettings(null, token, null, null, null, null, null, null, null);
    }

    /** This connection against another API root (a local server in tests). */
    public HubSpotSettings withBaseUrl(String url) {
        return new HubSpotSettings(url, token, pipelineId, dealStage, defaultOwnerId, timeout, wonStageIds,
                lostStageIds, leadIdProperty);
    }

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "HubSpotSettings[baseUrl=" + baseUrl + ", token=***, pipelineId=" + pipelineId + ", dealStage="
                + dealStage + ", defaultOwnerId=" + defaultOwnerId + ", timeout=" + timeout + ", wonStageIds="
                + wonStageIds + ", lostStageIds=" + lostStageIds + ", leadIdProperty=" + leadIdProperty + "]";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
