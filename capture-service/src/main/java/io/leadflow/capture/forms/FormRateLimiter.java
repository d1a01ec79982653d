package io.leadflow.capture.forms;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.web.TokenBuckets;
import io.leadflow.web.RateLimitedException;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A budget per configured form for anonymous (browser) submissions, on top of the per-address one:
 * a botnet spread over many addresses still cannot flood one form. Each form has its own rate
 * (its {@code rateLimitPerMinute}, else {@code leadflow.capture.rate-limit.per-form-per-minute});
 * a burst of a tenth of a minute's budget may come at once.
 */
@ApplicationScoped
public class FormRateLimiter {

    private final FormCatalog forms;
    private final int defaultPerMinute;
    /** Buckets per form and rate: a changed rate starts a bucket of its own. */
    private final ConcurrentHashMap<String, TokenBuckets> buckets = new ConcurrentHashMap<>();

    private final SecurityIdentity caller;

    public FormRateLimiter(FormCatalog forms, CaptureConfig config, SecurityIdentity caller) {
        this.forms = forms;
        this.caller = caller;
        this.defaultPerMinute = config.rateLimit().perFormPerMinute();
    }

    /**
     * Takes one anonymous submission from the form's budget; throws {@link RateLimitedException} when it
     * is spent. Integrations (role {@code integration}) have budgets of their own and are not counted.
     */
    public void take(String formId) {
        Form form = forms.find(formId == null ? null : formId.strip()).orElse(null);
        if (form == null || (!caller.isAnonymous() && caller.hasRole(Roles.INTEGRATION))) {
            return;
        }
        int perMinute = form.definition().rateLimitPerMinute() != null ? form.definition().rateLimitPerMinute() : defaultPerMinute;
        TokenBuckets bucket = buckets.computeIfAbsent(form.id() + "@" + perMinute,
                key -> new TokenBuckets(perMinute / 60d, Math.max(1, perMinute / 10), 1));
        long waitMillis = bucket.tryTake(form.id(), System.nanoTime());
        if (waitMillis > 0) {
            throw new RateLimitedException("This form received too many submissions; retry after the delay in Retry-After.",
                    (waitMillis + 999) / 1000);
        }
    }
}
