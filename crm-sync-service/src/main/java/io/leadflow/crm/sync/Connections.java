package io.leadflow.crm.sync;

import io.leadflow.crm.connector.CrmConnector;
import io.leadflow.crm.connector.CrmException;
import io.leadflow.crm.connector.FieldMapping;
import io.leadflow.crm.connector.FieldOwnership;
import io.leadflow.crm.connector.builtin.BuiltinCrm;
import io.leadflow.crm.connector.hubspot.HubSpotConnector;
import io.leadflow.crm.connector.hubspot.HubSpotSettings;
import io.leadflow.crm.connector.salesforce.SalesforceConnector;
import io.leadflow.crm.connector.salesforce.SalesforceSettings;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** The configured connections, built once at start-up: a misconfigured connection fails the start, naming the key. */
@ApplicationScoped
public class Connections {

    private final Map<String, Connection> byName = new LinkedHashMap<>();
    private final String active;

    public Connections(CrmSettings settings, BuiltinCrm builtin) {
        settings.connections().forEach((name, connection) -> byName.put(name, build(name, connection, settings, builtin)));
        if (!byName.containsKey(settings.connection())) {
            throw new IllegalStateException("leadflow.crm.connection=" + settings.connection()
                    + " names no connection; configured: " + byName.keySet());
        }
        active = settings.connection();
    }

    /** The connection new qualified leads go to. */
    public Connection active() {
        return byName.get(active);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Connection named(String name) {
        Connection connection = byName.get(name);
        if (connection == null) {
            throw new NoSuchElementException("no CRM connection " + name);
        }
        return connection;
    }

    /** The connection of the built-in CRM (its opportunities' changes are published under it). */
    public String builtinName() {
        return byName.values().stream().filter(c -> BuiltinCrm.KIND.equals(c.kind())).map(Connection::name)
                .findFirst().orElse(BuiltinCrm.KIND);
    }

    public Iterable<Connection> all() {
        return byName.values();
    }

    private static Connection build(String name, CrmSettings.ConnectionSettings c, CrmSettings settings,
                                    BuiltinCrm builtin) {
        String prefix = "leadflow.crm.connections." + name + ".";
        String kind = c.kind().toLowerCase(Locale.ROOT);
        FieldOwnership ownership = new FieldOwnership(owners(prefix, c.ownership()));
        String stage;
        CrmConnector connector;
        try {
            switch (kind) {
                case BuiltinCrm.KIND -> {
                    connector = builtin;
                    stage = c.stage().orElse("discovery");
                }
                case HubSpotConnector.KIND -> {
                    HubSpotSettings hubspot = new HubSpotSettings(c.baseUrl().orElse(null),
                            required(prefix, "token", c.token()), c.pipeline().orElse(null), c.stage().orElse(null),
                            c.defaultOwner().orElse(null), c.timeout(), c.wonStages().map(Set::copyOf).orElse(null),
                            c.lostStages().map(Set::copyOf).orElse(null), null);
                    connector = new HubSpotConnector(hubspot, mapping(prefix, HubSpotConnector.DEFAULT_FIELDS, c.fields()), ownership);
                    stage = hubspot.dealStage();
                }
                case "salesforce" -> {
                    FieldMapping fields = mapping(prefix, SalesforceConnector.DEFAULT_FIELDS, c.fields());
                    SalesforceSettings salesforce = new SalesforceSettings(required(prefix, "base-url", c.baseUrl()),
                            required(prefix, "client-id", c.clientId()), required(prefix, "client-secret", c.clientSecret()),
                            c.apiVersion().orElse(null), c.stage().orElse(null), settings.opportunity().closeDays(),
                            c.defaultOwner().orElse(null), c.timeout(),
                            fields.property(FieldMapping.CrmObject.OPPORTUNITY, "leadId"),
                            fields.property(FieldMapping.CrmObject.CONTACT, "externalId"),
                            fields.property(FieldMapping.CrmObject.ACCOUNT, "externalId"));
                    connector = new SalesforceConnector(salesforce, fields, ownership);
                    stage = salesforce.defaultStage();
                }
                default -> throw new IllegalStateException(prefix + "kind=" + c.kind() + ": must be builtin, hubspot or salesforce");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(prefix + ": " + e.getMessage(), e);
        }
        Guard guard = Guard.create()
                .withDescription("crm connection " + name)
                .withRateLimit().limit(c.rateLimit()).window(c.rateWindow().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .name("crm-" + name)
                    .requestVolumeThreshold(c.circuitRequestVolume())
                    .failureRatio(c.circuitFailureRatio())
                    .delay(c.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                    // The CRM refusing our data says nothing about its health; only failures of the CRM count.
                    .when(failure -> !(failure instanceof CrmException e) || e.retryable())
                    .done()
                .withTimeout().duration(c.timeout().toMillis() * 3, ChronoUnit.MILLIS).done()
                .build();
        ConversionPlan plan = new ConversionPlan(settings.ae().bySdr(), c.owners(), BuiltinCrm.KIND.equals(kind),
                stage, settings.opportunity().closeDays(), settings.opportunity().amountAnswer());
        return new Connection(name, connector, guard, new Backoff(c.backoff(), c.maxBackoff()), c.maxAttempts(), plan,
                c.pollInterval(), c.webhookSecret());
    }

    private static String required(String prefix, String key, java.util.Optional<String> value) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(prefix + key + " is required"));
    }

    static FieldMapping mapping(String prefix, FieldMapping defaults, Map<String, String> overrides) {
        try {
            return defaults.withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "fields: " + e.getMessage(), e);
        }
    }

    private static Map<String, FieldOwnership.Owner> owners(String prefix, Map<String, String> configured) {
        Map<String, FieldOwnership.Owner> owners = new LinkedHashMap<>();
        configured.forEach((field, owner) -> {
            try {
                owners.put(field, FieldOwnership.Owner.valueOf(owner.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "ownership.\"" + field + "\"=" + owner + ": must be leadflow or crm");
            }
        });
        return owners;
    }
}
