package io.leadflow.crm.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CRM sync's settings ({@code leadflow.crm.*}); see the service README for each. */
@ConfigMapping(prefix = "leadflow.crm")
public interface CrmSettings {

    /** The connection new qualified leads are synced to. */
    @WithDefault("builtin")
    String connection();

    /** Connections by name. */
    Map<String, ConnectionSettings> connections();

    /** How the worker runs. */
    Sync sync();

    /** Defaults of a new opportunity. */
    OpportunityDefaults opportunity();

    /** Which AE takes over from which SDR, and how AEs are told. */
    AccountExecutives ae();

    /** Loss reasons (lower case, compared as contained text) after which a lost lead is not recycled to nurture. */
    @WithDefault("not a fit,no fit,bad fit,spam,duplicate,invalid")
    List<String> noRecycleReasons();

    interface ConnectionSettings {
        /** {@code builtin}, {@code hubspot} or {@code salesforce}. */
        String kind();

        /** The CRM's API base (HubSpot) or login/token base (Salesforce). */
        Optional<String> baseUrl();

        /** HubSpot private-app token. */
        Optional<String> token();

        /** Salesforce connected app (client credentials flow). */
        Optional<String> clientId();

        Optional<String> clientSecret();

        /** HubSpot app client secret: verifies webhook signatures (v3). */
        Optional<String> webhookSecret();

        /** HubSpot pipeline id. */
        Optional<String> pipeline();

        /** HubSpot deal stages that count as won / lost (defaults closedwon / closedlost). */
        Optional<List<String>> wonStages();

        Optional<List<String>> lostStages();

        /** Salesforce REST API version (default v61.0). */
        Optional<String> apiVersion();

        /** Stage of a new deal in this CRM's terms; the CRM default when absent. */
        Optional<String> stage();

        /** CRM user who owns a deal when neither the AE mapping nor the account says. */
        Optional<String> defaultOwner();

        @WithDefault("10S")
        Duration timeout();

        /** Calls per window: HubSpot allows 100-190 per 10 s per private app, Salesforce about 100,000 per day. */
        @WithDefault("100")
        int rateLimit();

        @WithDefault("10S")
        Duration rateWindow();

        /** The circuit opens when this share of the last {@code circuit-request-volume} calls failed. */
        @WithDefault("0.5")
        double circuitFailureRatio();

        @WithDefault("10")
        int circuitRequestVolume();

        @WithDefault("30S")
        Duration circuitDelay();

        /** Attempts before a sync goes to the dead-letter topic. */
        @WithDefault("10")
        int maxAttempts();

        /** First retry delay; doubles per attempt up to {@code max-backoff}. A longer Retry-After wins. */
        @WithDefault("1S")
        Duration backoff();

        @WithDefault("15M")
        Duration maxBackoff();

        /** How often to poll the CRM for changed opportunities; never when absent. */
        Optional<Duration> pollInterval();

        /** Field mapping overrides, {@code "contact.jobTitle"=Title}; an empty value leaves the field out. */
        Map<String, String> fields();

        /** Field ownership, {@code "contact.phone"=leadflow}; unnamed fields are the CRM's once set. */
        Map<String, String> ownership();

        /** AE id (as in {@code leadflow.crm.ae.by-sdr}) to this CRM's user id. */
        Map<String, String> owners();
    }

    interface Sync {
        @WithDefault("250MS")
        Duration interval();

        @WithDefault("20")
        int batch();

        /** Syncs in flight at once per worker (each a CRM conversation, then a short transaction). */
        @WithDefault("8")
        int concurrency();

        /** How long a claimed job is the worker's; after that another worker (or replica) may take it. */
        @WithDefault("60S")
        Duration lease();

        /**
         * Fault injection for the exactly-once test: the worker waits this long after the CRM answered and before it
         * commits, so a test can kill the process in between. Zero (the default) in any real deployment.
         */
        @WithDefault("0S")
        Duration pauseBeforeCommit();
    }

    interface OpportunityDefaults {
        /** Days from qualification to the expected close date. */
        @WithDefault("90")
        int closeDays();

        /** The qualification answer whose first figure ("50k EUR") becomes the amount. */
        @WithDefault("budget")
        String amountAnswer();
    }

    interface AccountExecutives {
        /** SDR id to AE id. */
        Map<String, String> bySdr();

        /** AE id to e-mail address, for the hand-over e-mail. */
        Map<String, String> emails();

        /** POSTed the hand-over (JSON) when set. */
        Optional<String> webhookUrl();
    }
}
