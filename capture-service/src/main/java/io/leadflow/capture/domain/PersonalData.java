package io.leadflow.capture.domain;

import java.net.URI;
import java.net.URISyntaxException;

/** What is left of a lead's and a submission's data once the person is erased. Pure logic. */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * A page or referrer URL without its query string and fragment, which may carry the person's data
     * (a pre-filled {@code ?email=}, a tracking id); scheme, host and path stay for attribution.
     * Anything that does not parse is dropped.
     */
    public static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            String host = uri.getHost() == null ? null : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            // The user-info (user:password@) goes too.
            return host == null ? null : uri.getScheme() + "://" + host + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Removes the person from a lead; the rest (channel, form, country, consent given, UTM, times, counts) stays. The
     * state and the company's details go with the company: together with the rest they can point at one person.
     */
    public static void erase(Lead lead) {
        lead.email = null;
        lead.emailKey = null;
        lead.firstName = null;
        lead.lastName = null;
        lead.company = null;
        lead.jobTitle = null;
        lead.phone = null;
        lead.phoneRaw = null;
        lead.message = null;
        lead.state = null;
        lead.website = null;
        lead.industry = null;
        lead.employees = null;
        lead.revenue = null;
        lead.pageUrl = withoutQuery(lead.pageUrl);
        lead.referrer = withoutQuery(lead.referrer);
    }

    /** Removes the person from one of their submissions, as {@link #erase(Lead)}, and the browser's visitor id. */
    public static void erase(Submission submission) {
        submission.email = null;
        submission.firstName = null;
        submission.lastName = null;
        submission.company = null;
        submission.jobTitle = null;
        submission.phone = null;
        submission.phoneRaw = null;
        submission.message = null;
        submission.state = null;
        submission.website = null;
        submission.industry = null;
        submission.employees = null;
        submission.revenue = null;
        submission.visitorId = null;
        submission.pageUrl = withoutQuery(submission.pageUrl);
        submission.referrer = withoutQuery(submission.referrer);
    }
}
