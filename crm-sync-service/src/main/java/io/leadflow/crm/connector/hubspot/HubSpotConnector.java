package io.leadflow.crm.connector.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.crm.connector.CallLog;
import io.leadflow.crm.connector.CallLog.CrmCall;
import io.leadflow.crm.connector.ChangePage;
import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.Conversion.AccountDraft;
import io.leadflow.crm.connector.Conversion.ContactDraft;
import io.leadflow.crm.connector.Conversion.OpportunityDraft;
import io.leadflow.crm.connector.CrmConnector;
import io.leadflow.crm.connector.CrmException;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.connector.FieldMapping;
import io.leadflow.crm.connector.FieldOwnership;
import io.leadflow.crm.connector.OpportunityChange;
import io.smallrye.mutiny.Uni;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static io.leadflow.crm.connector.FieldMapping.CrmObject.ACCOUNT;
import static io.leadflow.crm.connector.FieldMapping.CrmObject.CONTACT;
import static io.leadflow.crm.connector.FieldMapping.CrmObject.OPPORTUNITY;

/**
 * HubSpot through its CRM v3 objects API (and v4 associations), authenticated with a private app token.
 *
 * <p>Keys, so that a retry finds what an earlier attempt created: the company by its {@code domain} (search), the
 * contact by e-mail ({@code ?idProperty=email}), the deal by the lead id in the custom unique property
 * {@link HubSpotSettings#leadIdProperty()} ({@code ?idProperty=}). Reads by idProperty go to HubSpot's primary store,
 * not to its search index, so they see a deal committed a moment ago; and because the property is unique, a create
 * racing an earlier attempt gets 409 instead of a second deal, and reads the first one.
 *
 * <p>Known limits: a company without a domain is created by name every time (HubSpot has no other key for it), and
 * the company search reads the search index, which lags writes by a few seconds, so a quick retry can still create a
 * second company for one domain. The deal, the record that matters, stays unique either way.
 */
public class HubSpotConnector implements CrmConnector {

    public static final String KIND = "hubspot";

    /** HubSpot's standard properties, and the custom unique {@code leadflow_lead_id} on deals. */
    public static final FieldMapping DEFAULT_FIELDS = new FieldMapping(
            Map.of("name", "name", "domain", "domain"),
            Map.of("email", "email", "firstName", "firstname", "lastName", "lastname", "jobTitle", "jobtitle",
                    "phone", "phone", "lifecycle", "lifecyclestage"),
            Map.of("name", "dealname", "stage", "dealstage", "closeDate", "closedate", "amount", "amount",
                    "ownerId", "hubspot_owner_id", "description", "description", "leadId", "leadflow_lead_id",
                    "lossReason", "closed_lost_reason"));

    static final String OWNER = "hubspot_owner_id";
    static final String PIPELINE = "pipeline";
    static final String LAST_MODIFIED = "hs_lastmodifieddate";
    static final String IS_CLOSED = "hs_is_closed";
    static final String IS_CLOSED_WON = "hs_is_closed_won";
    /** HubSpot's largest search page. */
    static final int MAX_SEARCH_LIMIT = 200;

    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String DEALS = "/crm/v3/objects/deals";

    private final HubSpotSettings settings;
    private final FieldMapping fields;
    private final FieldOwnership ownership;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HubSpotConnector(HubSpotSettings settings, FieldMapping fields, FieldOwnership ownership) {
        this(settings, fields, ownership, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    /**
     * @param fields the connection's mapping; its {@code opportunity.leadId} is always the settings' lead id property,
     *               since that property is the deal's key and not a field a connection may leave out
     */
    public HubSpotConnector(HubSpotSettings settings, FieldMapping fields, FieldOwnership ownership, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fields = Objects.requireNonNull(fields, "fields")
                .withOverrides(Map.of("opportunity.leadId", settings.leadIdProperty()));
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<CrmRecord> convert(Conversion conversion, CallLog calls) {
        return company(conversion.account(), calls)
                .chain(company -> contact(conversion.contact(), calls)
                        .chain(contactId -> deal(conversion, company, calls)
                                // associations are PUTs of a fixed pair: repeating them on a retry changes nothing
                                .call(deal -> associate(deal.id(), company.id(), contactId, calls))
                                .map(deal -> new CrmRecord(company.id(), contactId, deal.id(), company.ownerId(),
                                        deal.ownerId(), deal.created()))));
    }

    /**
     * Deals with a lead id whose {@code hs_lastmodifieddate} is after {@code since}, through the search endpoint (at
     * most {@value #MAX_SEARCH_LIMIT} a page). Two caveats of HubSpot search the caller's cursor should allow for: the
     * index lags writes by a few seconds, and deals modified in the same millisecond as the last one of a full page
     * fall behind the strict "after"; starting the next poll a little before {@code nextSince} covers both, at the
     * price of re-reading a few unchanged deals.
     */
    @Override
    public Uni<ChangePage> changesSince(Instant since, int limit, CallLog calls) {
        Instant from = since == null ? Instant.EPOCH : since;
        ObjectNode search = json.createObjectNode();
        ArrayNode filters = search.putArray("filterGroups").addObject().putArray("filters");
        filters.add(filter(LAST_MODIFIED, "GT", String.valueOf(from.toEpochMilli())));
        filters.addObject().put("propertyName", settings.leadIdProperty()).put("operator", "HAS_PROPERTY");
        search.putArray("sorts").add(sort(LAST_MODIFIED, "ASCENDING"));
        dealReadProperties().forEach(search.putArray("properties")::add);
        search.put("limit", Math.max(1, Math.min(limit, MAX_SEARCH_LIMIT)));
        return exchange("deal.changes", "POST", DEALS + "/search", search, calls).map(reply -> {
            List<OpportunityChange> changes = new ArrayList<>();
            Instant next = from;
            for (JsonNode deal : reply.body().path("results")) {
                Instant modified = modifiedAt(deal);
                if (modified != null && modified.isAfter(next)) {
                    next = modified;
                }
                OpportunityChange change = toChange(deal);
                if (change != null) {
                    changes.add(change);
                }
            }
            return new ChangePage(changes, next);
        });
    }

    /**
     * The deal's current state, for a webhook that only carries its id: null when the deal is not a Leadflow deal (no
     * lead id) or no longer exists (a {@code deal.deletion} event).
     */
    public Uni<OpportunityChange> findDeal(String dealId, CallLog calls) {
        String path = DEALS + "/" + segment(dealId) + "?properties=" + String.join(",", dealReadProperties());
        return exchange("deal.read", "GET", path, null, calls, 404)
                .map(reply -> reply.status() == 404 ? null : toChange(reply.body()));
    }

    @Override
    public Uni<Void> updateLifecycle(String contactId, String lifecycle, CallLog calls) {
        String property = fields.property(CONTACT, "lifecycle");
        if (property == null || lifecycle == null || lifecycle.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        String path = CONTACTS + "/" + segment(contactId);
        return exchange("contact.read", "GET", path + "?properties=" + property, null, calls)
                .chain(reply -> {
                    String current = text(reply.body(), property);
                    if (!FieldOwnership.isLater(lifecycle, current)) {
                        return Uni.createFrom().voidItem();
                    }
                    ObjectNode update = propertiesBody(Map.of(property, lifecycle));
                    return exchange("contact.update", "PATCH", path, update, calls).replaceWithVoid();
                });
    }

    // ---- company ----

    private record Company(String id, String ownerId) {
    }

    private Uni<Company> company(AccountDraft account, CallLog calls) {
        if (account.crmId() != null && !account.crmId().isBlank()) {
            // enrichment matched the lead to a known company: read it; gone (merged, deleted), find it by domain
            String path = COMPANIES + "/" + segment(account.crmId()) + "?properties=" + OWNER;
            return exchange("company.read", "GET", path, null, calls, 404).chain(reply -> reply.status() == 404
                    ? companyByDomain(account, calls)
                    : Uni.createFrom().item(new Company(id(reply.body(), "company.read"), text(reply.body(), OWNER))));
        }
        return companyByDomain(account, calls);
    }

    private Uni<Company> companyByDomain(AccountDraft account, CallLog calls) {
        String domainProperty = fields.property(ACCOUNT, "domain");
        if (account.domain() == null || account.domain().isBlank() || domainProperty == null) {
            // HubSpot keys companies by domain only: without one there is nothing to look the company up by
            return createCompany(account, calls);
        }
        ObjectNode search = json.createObjectNode();
        search.putArray("filterGroups").addObject().putArray("filters")
                .add(filter(domainProperty, "EQ", account.domain()));
        // when the portal holds duplicates for a domain, always pick the same (oldest) one
        search.putArray("sorts").add(sort("createdate", "ASCENDING"));
        ArrayNode properties = search.putArray("properties");
        mappedProperties(ACCOUNT).forEach(properties::add);
        properties.add(OWNER);
        search.put("limit", 1);
        return exchange("company.search", "POST", COMPANIES + "/search", search, calls).chain(reply -> {
            JsonNode first = reply.body().path("results").path(0);
            return first.isObject()
                    ? Uni.createFrom().item(new Company(id(first, "company.search"), text(first, OWNER)))
                    : createCompany(account, calls);
        });
    }

    private Uni<Company> createCompany(AccountDraft account, CallLog calls) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, fields.property(ACCOUNT, "name"), account.name());
        put(values, fields.property(ACCOUNT, "domain"), account.domain());
        return exchange("company.create", "POST", COMPANIES, propertiesBody(values), calls)
                .map(reply -> new Company(id(reply.body(), "company.create"), text(reply.body(), OWNER)));
    }

    // ---- contact ----

    private Uni<String> contact(ContactDraft draft, CallLog calls) {
        if (draft.email() == null || draft.email().isBlank()) {
            return Uni.createFrom().failure(CrmException.rejected(0, "contact: no e-mail, HubSpot's contact key"));
        }
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("email", draft.email());
        ours.put("firstName", draft.firstName());
        ours.put("lastName", draft.lastName());
        ours.put("jobTitle", draft.jobTitle());
        ours.put("phone", draft.phone());
        ours.put("lifecycle", draft.lifecycle());
        return findContact(draft.email(), calls).chain(found -> found != null
                ? updateContact(found, ours, calls)
                : createContact(draft.email(), ours, calls));
    }

    /** The contact as HubSpot holds it, null when there is none with that e-mail. */
    private Uni<JsonNode> findContact(String email, CallLog calls) {
        String path = CONTACTS + "/" + segment(email) + "?idProperty=email&properties="
                + String.join(",", mappedProperties(CONTACT));
        // the sync log outlives a lead's erasure, so it gets the path without the e-mail address
        return send("contact.find", "GET", path, CONTACTS + "/{email}", null, calls, 404)
                .map(reply -> reply.status() == 404 ? null : reply.body());
    }

    private Uni<String> createContact(String email, Map<String, String> ours, CallLog calls) {
        Map<String, String> values = new LinkedHashMap<>();
        ours.forEach((field, value) -> put(values, fields.property(CONTACT, field), value));
        return exchange("contact.create", "POST", CONTACTS, propertiesBody(values), calls, 409).chain(reply -> {
            if (reply.status() != 409) {
                return Uni.createFrom().item(id(reply.body(), "contact.create"));
            }
            // someone created the contact since we looked (a form, a parallel sync): carry on with it as found
            return findContact(email, calls).chain(found -> {
                if (found == null) {
                    throw CrmException.rejected(409, "contact.create: " + errorMessage(reply.body(), reply.raw()));
                }
                return updateContact(found, ours, calls);
            });
        });
    }

    /** Writes only what {@link FieldOwnership} allows on an existing contact; nothing at all when it allows nothing. */
    private Uni<String> updateContact(JsonNode contact, Map<String, String> ours, CallLog calls) {
        String id = id(contact, "contact.find");
        Map<String, String> theirs = new LinkedHashMap<>();
        ours.keySet().forEach(field -> {
            String property = fields.property(CONTACT, field);
            if (property != null) {
                theirs.put(field, text(contact, property));
            }
        });
        Map<String, String> mapped = new LinkedHashMap<>();
        ours.forEach((field, value) -> {
            if (fields.property(CONTACT, field) != null) {
                mapped.put(field, value);
            }
        });
        Map<String, String> values = new LinkedHashMap<>();
        ownership.toWrite("contact", mapped, theirs)
                .forEach((field, value) -> values.put(fields.property(CONTACT, field), value));
        if (values.isEmpty()) {
            return Uni.createFrom().item(id);
        }
        return exchange("contact.update", "PATCH", CONTACTS + "/" + segment(id), propertiesBody(values), calls)
                .replaceWith(id);
    }

    // ---- deal ----

    private record Deal(String id, String ownerId, boolean created) {
    }

    private Uni<Deal> deal(Conversion conversion, Company company, CallLog calls) {
        String leadId = conversion.leadId().toString();
        return findDealByLeadId(leadId, calls).chain(found -> found != null
                // an earlier attempt created it: reuse it as it is, the CRM owns it from then on
                ? Uni.createFrom().item(existingDeal(found))
                : createDeal(conversion, company, calls));
    }

    private Uni<JsonNode> findDealByLeadId(String leadId, CallLog calls) {
        String path = DEALS + "/" + segment(leadId) + "?idProperty=" + settings.leadIdProperty() + "&properties="
                + String.join(",", dealReadProperties());
        return exchange("deal.find", "GET", path, null, calls, 404)
                .map(reply -> reply.status() == 404 ? null : reply.body());
    }

    private Uni<Deal> createDeal(Conversion conversion, Company company, CallLog calls) {
        OpportunityDraft draft = conversion.opportunity();
        String leadId = conversion.leadId().toString();
        String owner = firstNonBlank(draft.ownerId(), company.ownerId(), settings.defaultOwnerId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PIPELINE, settings.pipelineId());
        // draft.stage() is Leadflow's stage name; a HubSpot deal needs a stage id of the pipeline
        put(values, fields.property(OPPORTUNITY, "stage"), settings.dealStage());
        put(values, fields.property(OPPORTUNITY, "name"), draft.name());
        put(values, fields.property(OPPORTUNITY, "amount"),
                draft.amount() == null ? null : draft.amount().toPlainString());
        // a date property takes midnight UTC in epoch milliseconds (any other time of day is refused)
        put(values, fields.property(OPPORTUNITY, "closeDate"), draft.closeDate() == null ? null
                : String.valueOf(draft.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
        put(values, fields.property(OPPORTUNITY, "ownerId"), owner);
        put(values, fields.property(OPPORTUNITY, "description"), draft.description());
        put(values, settings.leadIdProperty(), leadId);
        return exchange("deal.create", "POST", DEALS, propertiesBody(values), calls, 409).chain(reply -> {
            if (reply.status() != 409) {
                String ownerProperty = fields.property(OPPORTUNITY, "ownerId");
                String held = ownerProperty == null ? null : text(reply.body(), ownerProperty);
                return Uni.createFrom().item(new Deal(id(reply.body(), "deal.create"), held != null ? held : owner,
                        true));
            }
            // The lead id is unique, so HubSpot refused a second deal: an earlier attempt that timed out had in fact
            // committed. Read that deal and reuse it.
            return findDealByLeadId(leadId, calls).map(found -> {
                if (found == null) {
                    throw CrmException.rejected(409, "deal.create: " + errorMessage(reply.body(), reply.raw()));
                }
                return existingDeal(found);
            });
        });
    }

    private Deal existingDeal(JsonNode deal) {
        String ownerProperty = fields.property(OPPORTUNITY, "ownerId");
        return new Deal(id(deal, "deal.find"), ownerProperty == null ? null : text(deal, ownerProperty), false);
    }

    private Uni<Void> associate(String dealId, String companyId, String contactId, CallLog calls) {
        return associate("deal.associate.company", "deals", dealId, "companies", companyId, calls)
                .chain(() -> associate("deal.associate.contact", "deals", dealId, "contacts", contactId, calls))
                .chain(() -> associate("contact.associate.company", "contacts", contactId, "companies", companyId,
                        calls));
    }

    /** The default (unlabelled) association of v4: idempotent, a second PUT of the same pair changes nothing. */
    private Uni<Void> associate(String operation, String fromType, String fromId, String toType, String toId,
                                CallLog calls) {
        String path = "/crm/v4/objects/" + fromType + "/" + segment(fromId) + "/associations/default/" + toType + "/"
                + segment(toId);
        return exchange(operation, "PUT", path, null, calls).replaceWithVoid();
    }

    /** The deal properties a change is read from. */
    private List<String> dealReadProperties() {
        Set<String> properties = new LinkedHashSet<>(mappedProperties(OPPORTUNITY));
        properties.remove(fields.property(OPPORTUNITY, "description")); // long, and not part of a change
        properties.addAll(List.of(PIPELINE, LAST_MODIFIED, IS_CLOSED, IS_CLOSED_WON));
        return List.copyOf(properties);
    }

    /** A deal as an {@link OpportunityChange}; null when it carries no (valid) lead id, so it is not Leadflow's. */
    private OpportunityChange toChange(JsonNode deal) {
        UUID leadId;
        try {
            String value = text(deal, settings.leadIdProperty());
            if (value == null) {
                return null;
            }
            leadId = UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String stage = propertyOf(deal, "stage");
        Boolean wonFlag = bool(text(deal, IS_CLOSED_WON));
        Boolean closedFlag = bool(text(deal, IS_CLOSED));
        // HubSpot computes both flags from the pipeline's stage settings; the stage ids are the fallback for
        // portals or API versions that do not return them
        boolean won = wonFlag != null ? wonFlag : settings.wonStageIds().contains(stage);
        boolean closed = closedFlag != null ? closedFlag : won || settings.lostStageIds().contains(stage);
        Instant closeAt = instant(propertyOf(deal, "closeDate"));
        return new OpportunityChange(leadId, id(deal, "deal.read"), stage, closed, closed && won,
                decimal(propertyOf(deal, "amount")), propertyOf(deal, "lossReason"),
                closeAt == null ? null : closeAt.atZone(ZoneOffset.UTC).toLocalDate(), modifiedAt(deal));
    }

    private static Instant modifiedAt(JsonNode deal) {
        Instant modified = instant(text(deal, LAST_MODIFIED));
        return modified != null ? modified : instant(deal.path("updatedAt").asText(null));
    }

    private String propertyOf(JsonNode record, String field) {
        String property = fields.property(OPPORTUNITY, field);
        return property == null ? null : text(record, property);
    }

    private List<String> mappedProperties(FieldMapping.CrmObject object) {
        return fields.of(object).values().stream().filter(p -> p != null && !p.isBlank()).distinct().sorted()
                .toList();
    }

    // ---- HTTP ----

    /** A 2xx answer, or one of the statuses the caller handles itself; body is MissingNode when not JSON. */
    private record Reply(int status, JsonNode body, String raw) {
    }

    private Uni<Reply> exchange(String operation, String method, String path, JsonNode body, CallLog calls,
                                int... handled) {
        int query = path.indexOf('?');
        return send(operation, method, path, query < 0 ? path : path.substring(0, query), body, calls, handled);
    }

    /**
     * Sends one request and records it in the call log. A 2xx or a {@code handled} status is the item; anything else
     * fails with a {@link CrmException} classified for the sync worker.
     *
     * @param loggedPath the path as the call log shows it (without query, and without personal data)
     */
    private Uni<Reply> send(String operation, String method, String path, String loggedPath, JsonNode body,
                            CallLog calls, int... handled) {
        // deferred: each subscription (a retry by the caller) sends a new request with a new request id
        return Uni.createFrom().deferred(() -> {
            String requestId = UUID.randomUUID().toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                    .timeout(settings.timeout())
                    .header("Authorization", "Bearer " + settings.token())
                    .header("Accept", "application/json")
                    .header("X-Request-Id", requestId);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
            }
            long started = System.nanoTime();
            return Uni.createFrom()
                    .completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                    .onFailure().transform(failure -> {
                        // no answer: a timeout, a refused or reset connection
                        Throwable cause = unwrap(failure);
                        String message = cause instanceof HttpTimeoutException
                                ? "no answer within " + settings.timeout().toMillis() + " ms"
                                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                        calls.record(new CrmCall(operation, method, loggedPath, requestId, 0, "transient",
                                millisSince(started), message));
                        return CrmException.transientFailure(0, operation + ": " + message, cause);
                    })
                    .map(response -> {
                        long latency = millisSince(started);
                        int status = response.statusCode();
                        JsonNode parsed = parse(response.body());
                        String id = response.headers().firstValue("X-HubSpot-Correlation-Id")
                                .or(() -> Optional.ofNullable(parsed.path("correlationId").asText(null)))
                                .orElse(requestId);
                        if (status / 100 == 2 || contains(handled, status)) {
                            calls.record(new CrmCall(operation, method, loggedPath, id, status, "ok", latency, null));
                            return new Reply(status, parsed, response.body());
                        }
                        String message = errorMessage(parsed, response.body());
                        CrmException error = classify(operation, status, parsed, message, response.headers());
                        calls.record(new CrmCall(operation, method, loggedPath, id, status, error.kind().outcome(),
                                latency, message));
                        throw error;
                    });
        });
    }

    private static CrmException classify(String operation, int status, JsonNode body, String message,
                                         HttpHeaders headers) {
        String category = body.path("category").asText("");
        String text = operation + ": HTTP " + status + (category.isEmpty() ? "" : " " + category) + ": " + message;
        if (status == 429) {
            return CrmException.rateLimited(status, text, retryAfter(headers));
        }
        if (status == 401) {
            // a private app token does not refresh: only a new token in the configuration helps
            return CrmException.unauthorized(status, text);
        }
        if (status >= 500 || status == 408) {
            return CrmException.transientFailure(status, text, null);
        }
        // 400/422 VALIDATION_ERROR (the message names the property), 403 missing scope, an unexpected 404 or 409:
        // the same request cannot succeed later
        return CrmException.rejected(status, text);
    }

    /** HubSpot's Retry-After in seconds; null when it sent none (it usually sends only X-HubSpot-RateLimit-*). */
    private static Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").map(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
            } catch (NumberFormatException e) {
                return null; // an HTTP date: HubSpot does not send one, and the worker's backoff applies
            }
        }).orElse(null);
    }

    /** HubSpot's {@code message}, else the raw body (shortened), else a placeholder. */
    private static String errorMessage(JsonNode body, String raw) {
        String message = body.path("message").asText(null);
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (raw != null && !raw.isBlank()) {
            return raw.length() > 500 ? raw.substring(0, 500) + "…" : raw;
        }
        return "no error message";
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---- JSON helpers ----

    private ObjectNode propertiesBody(Map<String, String> values) {
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        values.forEach(properties::put);
        return body;
    }

    private ObjectNode filter(String property, String operator, String value) {
        return json.createObjectNode().put("propertyName", property).put("operator", operator).put("value", value);
    }

    private ObjectNode sort(String property, String direction) {
        return json.createObjectNode().put("propertyName", property).put("direction", direction);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** A record's {@code id}; a 2xx answer without one is HubSpot misbehaving, worth a retry. */
    private static String id(JsonNode record, String operation) {
        String id = record.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw CrmException.transientFailure(0, operation + ": HubSpot's answer has no record id", null);
        }
        return id;
    }

    /** A property of a v3 record ({@code {"id", "properties": {...}}}); null when absent or empty. */
    private static String text(JsonNode record, String property) {
        JsonNode value = record.path("properties").path(property);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static void put(Map<String, String> values, String property, String value) {
        if (property != null && value != null && !value.isBlank()) {
            values.put(property, value);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static boolean contains(int[] statuses, int status) {
        for (int s : statuses) {
            if (s == status) {
                return true;
            }
        }
        return false;
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value.trim());
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** v3 returns ISO-8601 instants; date properties and older portals may hold epoch milliseconds or a plain date. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(v));
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * One path segment, percent-encoded (RFC 3986 pchar), so an e-mail such as {@code a+b@x.com} reaches HubSpot
     * intact; {@code @} is allowed in a segment and stays readable.
     */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
