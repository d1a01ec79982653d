package io.leadflow.crm.connector.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leadflow.crm.connector.CallLog;
import io.leadflow.crm.connector.ChangePage;
import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.CrmConnector;
import io.leadflow.crm.connector.CrmException;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.connector.FieldMapping;
import io.leadflow.crm.connector.FieldMapping.CrmObject;
import io.leadflow.crm.connector.FieldOwnership;
import io.leadflow.crm.connector.OpportunityChange;
import io.smallrye.mutiny.Uni;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The Salesforce connector: REST API over {@link HttpClient#sendAsync}, OAuth 2.0 client credentials.
 *
 * <p>Every write is keyed by an External ID + Unique custom field (see {@link SalesforceSettings}): the account by
 * domain, the contact by e-mail, the opportunity by lead id. Records are read by that key before they are written, so
 * the CRM's values survive ({@link FieldOwnership}) and an opportunity that a timed-out call did commit is found and
 * reused on the retry; the write itself is an upsert by the key, so even a retry racing that read updates the one
 * record instead of creating a second.
 *
 * <p>Limitations: an account without a domain has no key and is created ({@code POST}) every time its conversion
 * runs, a retry included. Salesforce reads some top-level domains in an external-id URL as a file extension and
 * answers 404 (its documented example is {@code .inc}): such a contact or account cannot be upserted by key, and the
 * write ends {@link CrmException.Kind#REJECTED}.
 *
 * <p>Thread-safe; one instance per connection. The access token is cached and shared; an expired one (401) is
 * refreshed once, by one caller, while the others wait for the same refresh.
 */
public final class SalesforceConnector implements CrmConnector {

    /**
     * Salesforce's standard fields, plus the connector's custom keys and the loss reason (custom fields the admin
     * creates). The lifecycle stage has no standard Contact field: it is written only when a connection maps it.
     */
    public static final FieldMapping DEFAULT_FIELDS = new FieldMapping(
            Map.of("name", "Name", "domain", "Website", "externalId", SalesforceSettings.ACCOUNT_EXTERNAL_ID),
            Map.of("email", "Email", "firstName", "FirstName", "lastName", "LastName", "jobTitle", "Title",
                    "phone", "Phone", "lifecycle", "", "externalId", SalesforceSettings.CONTACT_EXTERNAL_ID),
            Map.of("name", "Name", "stage", "StageName", "closeDate", "CloseDate", "amount", "Amount",
                    "ownerId", "OwnerId", "description", "Description",
                    "leadId", SalesforceSettings.OPPORTUNITY_EXTERNAL_ID, "lossReason", "Loss_Reason__c"));

    private static final String KIND = "salesforce";
    private static final String TOKEN_PATH = "/services/oauth2/token";
    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Error codes that say "try again": a record locked by another transaction, a busy server. */
    private static final Set<String> TRANSIENT_CODES = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");
    private static final List<String> ACCOUNT_FIELDS = List.of("name", "domain");
    private static final List<String> CONTACT_FIELDS = List.of("email", "firstName", "lastName", "jobTitle", "phone",
            "lifecycle");
    /** Salesforce writes datetimes as {@code 2024-05-02T10:15:30.000+0000}; accept {@code Z} and {@code +00:00}. */
    private static final DateTimeFormatter SALESFORCE_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final SalesforceSettings settings;
    private final FieldMapping fields;
    private final FieldOwnership ownership;
    private final HttpClient http;
    private final Clock clock;
    /** Amounts as exact decimals, as Salesforce wrote them (48000.0 stays 48000.0, not 4.8E+4). */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    /** The current token, or the refresh in flight; replaced (compare-and-set) by whoever refreshes it. */
    private final AtomicReference<CompletableFuture<Token>> token = new AtomicReference<>();

    public SalesforceConnector(SalesforceSettings settings, FieldMapping fields, FieldOwnership ownership) {
        this(settings, fields, ownership, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build(), Clock.systemUTC());
    }

    /** @param clock today's date for the default close date */
    public SalesforceConnector(SalesforceSettings settings, FieldMapping fields, FieldOwnership ownership,
                               HttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        sameKey(CrmObject.ACCOUNT, "externalId", settings.accountExternalIdField());
        sameKey(CrmObject.CONTACT, "externalId", settings.contactExternalIdField());
        sameKey(CrmObject.OPPORTUNITY, "leadId", settings.opportunityExternalIdField());
    }

    /** The upsert keys live in the settings; a field mapping naming a different field is a configuration error. */
    private void sameKey(CrmObject object, String field, String configured) {
        String mapped = fields.property(object, field);
        if (mapped != null && !mapped.equals(configured)) {
            throw new IllegalArgumentException("Salesforce field mapping " + object.name().toLowerCase() + "."
                    + field + "=" + mapped + " differs from the connection's external id field " + configured);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    // ---------------------------------------------------------------------------------------------------- convert

    @Override
    public Uni<CrmRecord> convert(Conversion conversion, CallLog calls) {
        Objects.requireNonNull(conversion, "conversion");
        CallLog log = calls == null ? CallLog.NONE : calls;
        return account(conversion, log)
                .chain(account -> contact(conversion.contact(), account.id(), log)
                        .chain(contactId -> opportunity(conversion, account, contactId, log)
                                .map(opp -> new CrmRecord(account.id(), contactId, opp.id(), account.ownerId(),
                                        opp.ownerId(), opp.created()))));
    }

    private record AccountRef(String id, String ownerId) {
    }

    private record OpportunityRef(String id, String ownerId, boolean created) {
    }

    /**
     * Finds the account by domain and fills its empty fields, or creates it. A new account gets the deal's owner
     * (the draft's, else the default owner) so that it is not owned by the integration user.
     */
    private Uni<AccountRef> account(Conversion conversion, CallLog calls) {
        String known = blankToNull(conversion.account().crmId());
        if (known != null) {
            // Enrichment matched the lead to a known account: read it; gone (merged, deleted), find it by domain.
            return call(Req.find("account.read", sobjectPath("Account", known) + "?fields=Id,OwnerId"), calls)
                    .chain(found -> found.status() == 404 ? accountByDomain(conversion, calls)
                            : Uni.createFrom().item(new AccountRef(text(found.json(), "Id"), text(found.json(), "OwnerId"))));
        }
        return accountByDomain(conversion, calls);
    }

    private Uni<AccountRef> accountByDomain(Conversion conversion, CallLog calls) {
        Conversion.AccountDraft draft = conversion.account();
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("name", draft.name());
        ours.put("domain", draft.domain());
        String newOwner = firstNonNull(conversion.opportunity().ownerId(), settings.defaultOwnerId());
        String domain = blankToNull(draft.domain());
        if (domain == null) {
            // No key to upsert by: create (a retry creates another account; see the class comment).
            Map<String, Object> body = properties(CrmObject.ACCOUNT, ours);
            putIfNotNull(body, "OwnerId", newOwner);
            return call(new Req("account.create", "POST", sobjectPath("Account"), body), calls)
                    .chain(reply -> withOwner(requireId(reply, "account.create"), newOwner, calls));
        }
        String keyPath = sobjectPath("Account", settings.accountExternalIdField(), domain);
        return call(Req.find("account.find", keyPath + "?fields=" + select(CrmObject.ACCOUNT, ACCOUNT_FIELDS, "Id",
                "OwnerId")), calls)
                .chain(found -> {
                    if (found.status() == 404) {
                        Map<String, Object> body = properties(CrmObject.ACCOUNT, ours);
                        putIfNotNull(body, "OwnerId", newOwner);
                        return call(new Req("account.upsert", "PATCH", keyPath, body), calls)
                                .chain(reply -> withOwner(requireId(reply, "account.upsert"), newOwner, calls));
                    }
                    JsonNode record = found.json();
                    AccountRef account = new AccountRef(text(record, "Id"), text(record, "OwnerId"));
                    Map<String, String> write = ownership.toWrite("account", ours,
                            theirs(CrmObject.ACCOUNT, ACCOUNT_FIELDS, record));
                    if (write.isEmpty()) {
                        return Uni.createFrom().item(account);
                    }
                    return call(new Req("account.update", "PATCH", sobjectPath("Account", account.id()),
                            properties(CrmObject.ACCOUNT, write)), calls)
                            .replaceWith(account);
                });
    }

    /** The account with its owner: the one we set, else Salesforce's (read back). */
    private Uni<AccountRef> withOwner(String accountId, String ownerWeSet, CallLog calls) {
        if (ownerWeSet != null) {
            return Uni.createFrom().item(new AccountRef(accountId, ownerWeSet));
        }
        return call(new Req("account.owner", "GET", sobjectPath("Account", accountId) + "?fields=OwnerId", null),
                calls)
                .map(reply -> new AccountRef(accountId, text(reply.json(), "OwnerId")));
    }

    /**
     * Reads the contact by e-mail, then upserts it by e-mail with the fields {@link FieldOwnership} lets us write
     * (all of ours when it is new) and the account when it has none. Nothing to write: no write.
     */
    private Uni<String> contact(Conversion.ContactDraft draft, String accountId, CallLog calls) {
        String email = blankToNull(draft.email());
        if (email == null) {
            return Uni.createFrom().failure(CrmException.rejected(0, "contact has no e-mail: Salesforce contacts are "
                    + "keyed by " + settings.contactExternalIdField()));
        }
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("email", email);
        ours.put("firstName", draft.firstName());
        ours.put("lastName", draft.lastName());
        ours.put("jobTitle", draft.jobTitle());
        ours.put("phone", draft.phone());
        ours.put("lifecycle", draft.lifecycle());
        String keyPath = sobjectPath("Contact", settings.contactExternalIdField(), email);
        return call(Req.find("contact.find", keyPath + "?fields=" + select(CrmObject.CONTACT, CONTACT_FIELDS, "Id",
                "AccountId")), calls)
                .chain(found -> {
                    boolean exists = found.status() != 404;
                    JsonNode record = exists ? found.json() : null;
                    Map<String, String> write = exists
                            ? ownership.toWrite("contact", ours, theirs(CrmObject.CONTACT, CONTACT_FIELDS, record))
                            : ours;
                    Map<String, Object> body = properties(CrmObject.CONTACT, write);
                    // The CRM owns the contact's account once it has one (a rep may have moved the contact).
                    if (!exists || text(record, "AccountId") == null) {
                        putIfNotNull(body, "AccountId", accountId);
                    }
                    if (exists && body.isEmpty()) {
                        return Uni.createFrom().item(text(record, "Id"));
                    }
                    return call(new Req("contact.upsert", "PATCH", keyPath, body), calls)
                            .map(reply -> exists && text(reply.json(), "id") == null
                                    ? text(record, "Id") : requireId(reply, "contact.upsert"));
                });
    }

    /**
     * Finds the lead's opportunity by lead id and reuses it as the CRM holds it (a retry after a timeout that had
     * committed lands here), or upserts it by lead id with the contact as its primary contact role.
     */
    private Uni<OpportunityRef> opportunity(Conversion conversion, AccountRef account, String contactId,
                                            CallLog calls) {
        String keyPath = opportunityKeyPath(conversion.leadId());
        String fieldList = String.join(",", changeFields("OwnerId"));
        return call(Req.find("opportunity.find", keyPath + "?fields=" + fieldList), calls)
                .chain(found -> {
                    if (found.status() != 404) {
                        String id = text(found.json(), "Id");
                        return ensureContactRole(id, contactId, calls)
                                .replaceWith(new OpportunityRef(id, text(found.json(), "OwnerId"), false));
                    }
                    Conversion.OpportunityDraft draft = conversion.opportunity();
                    String owner = firstNonNull(draft.ownerId(), account.ownerId(), settings.defaultOwnerId());
                    Map<String, Object> ours = new LinkedHashMap<>();
                    ours.put("name", draft.name());
                    ours.put("stage", firstNonNull(blankToNull(draft.stage()), settings.defaultStage()));
                    ours.put("closeDate", Objects.requireNonNullElseGet(draft.closeDate(),
                            () -> LocalDate.now(clock).plusDays(settings.closeDateDays())).toString());
                    ours.put("amount", draft.amount());
                    ours.put("ownerId", owner);
                    ours.put("description", draft.description());
                    Map<String, Object> body = properties(CrmObject.OPPORTUNITY, ours);
                    putIfNotNull(body, "AccountId", account.id());
                    return call(new Req("opportunity.upsert", "PATCH", keyPath, body), calls)
                            .chain(reply -> {
                                String id = requireId(reply, "opportunity.upsert");
                                // 201, or created=true: ours. 200 created=false: a concurrent convert won the race.
                                boolean created = reply.status() == 201 || reply.json().path("created").asBoolean();
                                return createContactRole(id, contactId, calls)
                                        .replaceWith(new OpportunityRef(id, owner, created));
                            });
                });
    }

    /** On a reused opportunity the first attempt may have died before the contact role: add it when missing. */
    private Uni<Void> ensureContactRole(String opportunityId, String contactId, CallLog calls) {
        String soql = "SELECT Id FROM OpportunityContactRole WHERE OpportunityId = " + quote(opportunityId)
                + " AND ContactId = " + quote(contactId) + " LIMIT 1";
        return call(new Req("contactRole.find", "GET", queryPath(soql), null), calls)
                .chain(reply -> reply.json().path("records").isEmpty()
                        ? createContactRole(opportunityId, contactId, calls)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> createContactRole(String opportunityId, String contactId, CallLog calls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OpportunityId", opportunityId);
        body.put("ContactId", contactId);
        body.put("IsPrimary", true);
        return call(new Req("contactRole.create", "POST", sobjectPath("OpportunityContactRole"), body,
                reply -> reply.ok() || reply.hasError("DUPLICATE_VALUE")), calls)
                .replaceWithVoid();
    }

    // ------------------------------------------------------------------------------------------- changes, lookups

    @Override
    public Uni<ChangePage> changesSince(Instant since, int limit, CallLog calls) {
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        String leadId = settings.opportunityExternalIdField();
        String soql = "SELECT " + String.join(", ", changeFields()) + " FROM Opportunity"
                + " WHERE SystemModstamp > " + soqlDateTime(since) + " AND " + leadId + " != null"
                + " ORDER BY SystemModstamp ASC LIMIT " + limit;
        return call(new Req("opportunity.changes", "GET", queryPath(soql), null),
                calls == null ? CallLog.NONE : calls)
                .map(reply -> {
                    List<JsonNode> records = new ArrayList<>();
                    reply.json().path("records").forEach(records::add);
                    return page(records, since, limit);
                });
    }

    /**
     * The cursor is a timestamp, and one Salesforce transaction (a mass update) stamps many records with the same
     * millisecond. When the page is full, its trailing records of the last millisecond are left for the next poll
     * (which asks {@code > nextSince}), so a millisecond is never split across pages; unless the page holds nothing
     * else, in which case it is returned whole. Records whose lead id is not a UUID are skipped but still move the
     * cursor.
     */
    private ChangePage page(List<JsonNode> records, Instant since, int limit) {
        if (records.isEmpty()) {
            return new ChangePage(List.of(), since);
        }
        Instant last = modstamp(records.get(records.size() - 1));
        List<JsonNode> kept = records;
        if (records.size() >= limit) {
            List<JsonNode> before = records.stream().filter(r -> modstamp(r).isBefore(last)).toList();
            if (!before.isEmpty()) {
                kept = before;
            }
        }
        List<OpportunityChange> changes = kept.stream().map(this::change).filter(Objects::nonNull).toList();
        return new ChangePage(changes, modstamp(kept.get(kept.size() - 1)));
    }

    private static Instant modstamp(JsonNode record) {
        return instant(text(record, "SystemModstamp"));
    }

    /** The lead's opportunity as Salesforce holds it now; a null item when there is none. */
    public Uni<OpportunityChange> findOpportunity(UUID leadId, CallLog calls) {
        Objects.requireNonNull(leadId, "leadId");
        String path = opportunityKeyPath(leadId) + "?fields=" + String.join(",", changeFields());
        return call(Req.find("opportunity.find", path), calls == null ? CallLog.NONE : calls)
                .map(reply -> reply.status() == 404 ? null : change(reply.json()));
    }

    /** Writes the lifecycle when the mapping names a contact field for it, and only forward (see FieldOwnership). */
    @Override
    public Uni<Void> updateLifecycle(String contactId, String lifecycle, CallLog calls) {
        String property = fields.property(CrmObject.CONTACT, "lifecycle");
        if (property == null || blankToNull(lifecycle) == null) {
            return Uni.createFrom().voidItem();
        }
        CallLog log = calls == null ? CallLog.NONE : calls;
        String path = sobjectPath("Contact", contactId);
        return call(new Req("contact.lifecycle.find", "GET", path + "?fields=" + property, null), log)
                .chain(reply -> {
                    if (!FieldOwnership.isLater(lifecycle, text(reply.json(), property))) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(property, lifecycle);
                    return call(new Req("contact.lifecycle", "PATCH", path, body), log).replaceWithVoid();
                });
    }

    /** The fields of an {@link OpportunityChange}, for a SOQL select list or a {@code fields} parameter. */
    private Set<String> changeFields(String... extra) {
        Set<String> select = new LinkedHashSet<>(List.of("Id", settings.opportunityExternalIdField()));
        addIfNotNull(select, fields.property(CrmObject.OPPORTUNITY, "stage"));
        select.addAll(List.of("IsClosed", "IsWon"));
        addIfNotNull(select, fields.property(CrmObject.OPPORTUNITY, "amount"));
        addIfNotNull(select, fields.property(CrmObject.OPPORTUNITY, "closeDate"));
        addIfNotNull(select, fields.property(CrmObject.OPPORTUNITY, "lossReason"));
        select.add("SystemModstamp");
        select.addAll(List.of(extra));
        return select;
    }

    /** A record as an {@link OpportunityChange}; null when its lead id is not a UUID (typed in by hand). */
    private OpportunityChange change(JsonNode record) {
        UUID leadId;
        try {
            leadId = UUID.fromString(Objects.requireNonNullElse(text(record, settings.opportunityExternalIdField()),
                    ""));
        } catch (IllegalArgumentException notALeadId) {
            return null;
        }
        String amountProperty = fields.property(CrmObject.OPPORTUNITY, "amount");
        JsonNode amount = amountProperty == null ? null : record.get(amountProperty);
        String closeDate = propertyOf(CrmObject.OPPORTUNITY, "closeDate", record);
        return new OpportunityChange(leadId, text(record, "Id"),
                propertyOf(CrmObject.OPPORTUNITY, "stage", record),
                record.path("IsClosed").asBoolean(), record.path("IsWon").asBoolean(),
                amount != null && amount.isNumber() ? amount.decimalValue() : null,
                propertyOf(CrmObject.OPPORTUNITY, "lossReason", record),
                closeDate == null ? null : LocalDate.parse(closeDate),
                instant(text(record, "SystemModstamp")));
    }

    // ------------------------------------------------------------------------------------------------------ HTTP

    /**
     * One REST call. {@code expected} says which answers the caller handles itself (2xx by default; 404 for a
     * lookup by key); any other answer becomes a {@link CrmException}.
     */
    private record Req(String operation, String method, String pathAndQuery, Object body,
                       Predicate<Reply> expected) {

        Req(String operation, String method, String pathAndQuery, Object body) {
            this(operation, method, pathAndQuery, body, Reply::ok);
        }

        static Req find(String operation, String pathAndQuery) {
            return new Req(operation, "GET", pathAndQuery, null, reply -> reply.ok() || reply.status() == 404);
        }
    }

    private record Token(String accessToken, String instanceUrl) {
    }

    /** With the cached token; on a 401 once more with a fresh one (shared with concurrent callers). */
    private Uni<Reply> call(Req req, CallLog calls) {
        return tokenUni(null, calls)
                .chain(current -> send(req, current, calls)
                        .onFailure(e -> e instanceof CrmException c && c.status() == 401)
                        .recoverWithUni(expired -> tokenUni(current, calls)
                                .chain(fresh -> send(req, fresh, calls))));
    }

    private Uni<Reply> send(Req req, Token token, CallLog calls) {
        return Uni.createFrom().completionStage(() -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(token.instanceUrl() + req.pathAndQuery()))
                    .header("Authorization", "Bearer " + token.accessToken())
                    .header("Accept", "application/json");
            if (req.body() == null) {
                builder.method(req.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", "application/json")
                        .method(req.method(), HttpRequest.BodyPublishers.ofByteArray(toJson(req.body())));
            }
            return exchange(req.operation(), builder, calls, req.expected(), this::apiFailure);
        });
    }

    /**
     * The token, fetched when there is none (or the last fetch failed) or when the caller's {@code stale} one is
     * still the current one. Concurrent callers get the same future: one token call however many are waiting.
     */
    private Uni<Token> tokenUni(Token stale, CallLog calls) {
        // copy(): a cancelled subscriber must not cancel the future other callers share.
        return Uni.createFrom().completionStage(() -> tokenFuture(stale, calls).copy());
    }

    private CompletableFuture<Token> tokenFuture(Token stale, CallLog calls) {
        while (true) {
            CompletableFuture<Token> current = token.get();
            boolean usable = current != null && !current.isCompletedExceptionally()
                    && !(stale != null && current.isDone() && current.join() == stale);
            if (usable) {
                return current;
            }
            CompletableFuture<Token> next = new CompletableFuture<>();
            if (token.compareAndSet(current, next)) {
                fetchToken(calls).whenComplete((fresh, failure) -> {
                    if (failure != null) {
                        next.completeExceptionally(unwrap(failure));
                    } else {
                        next.complete(fresh);
                    }
                });
                return next;
            }
        }
    }

    private CompletableFuture<Token> fetchToken(CallLog calls) {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId())
                + "&client_secret=" + encode(settings.clientSecret());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.loginUrl() + TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return exchange("token", builder, calls, Reply::ok, SalesforceConnector::tokenFailure)
                .thenApply(reply -> {
                    String accessToken = text(reply.json(), "access_token");
                    String instanceUrl = text(reply.json(), "instance_url");
                    if (accessToken == null || instanceUrl == null) {
                        throw CrmException.unauthorized(reply.status(),
                                "Salesforce token response without access_token or instance_url");
                    }
                    return new Token(accessToken, instanceUrl.endsWith("/")
                            ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl);
                });
    }

    /**
     * The path as the sync log keeps it: a contact's key is the person's e-mail address, which must not outlive the
     * person's erasure in a log, so it is shown as {@code {email}}.
     */
    private String loggable(String rawPath) {
        String key = "/" + settings.contactExternalIdField() + "/";
        int at = rawPath.indexOf(key);
        if (at < 0) {
            return rawPath;
        }
        int end = rawPath.indexOf('/', at + key.length());
        return rawPath.substring(0, at + key.length()) + "{email}" + (end < 0 ? "" : rawPath.substring(end));
    }

    /** Sends, times, classifies and logs one request; completes with the reply or a {@link CrmException}. */
    private CompletableFuture<Reply> exchange(String operation, HttpRequest.Builder builder, CallLog calls,
                                              Predicate<Reply> expected,
                                              BiFunction<String, Reply, CrmException> failure) {
        String requestId = UUID.randomUUID().toString();
        HttpRequest request = builder.header(REQUEST_ID_HEADER, requestId).timeout(settings.timeout()).build();
        String path = loggable(request.uri().getRawPath());
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long latency = (System.nanoTime() - started) / 1_000_000;
            if (error != null) {
                Throwable cause = unwrap(error);
                CrmException e = CrmException.transientFailure(0, "Salesforce " + operation + ": "
                        + (cause instanceof HttpTimeoutException ? "no answer within " + settings.timeout()
                        : cause.toString()), cause);
                calls.record(new CallLog.CrmCall(operation, request.method(), path, requestId, 0,
                        e.kind().outcome(), latency, e.getMessage()));
                throw e;
            }
            Reply reply = Reply.of(response, json);
            String callId = response.headers().firstValue("Sforce-Call-Id")
                    .or(() -> response.headers().firstValue(REQUEST_ID_HEADER)).orElse(requestId);
            if (expected.test(reply)) {
                calls.record(new CallLog.CrmCall(operation, request.method(), path, callId, reply.status(), "ok",
                        latency, null));
                return reply;
            }
            CrmException e = failure.apply(operation, reply);
            calls.record(new CallLog.CrmCall(operation, request.method(), path, callId, reply.status(),
                    e.kind().outcome(), latency, reply.errors()));
            throw e;
        });
    }

    private CrmException apiFailure(String operation, Reply reply) {
        int status = reply.status();
        String what = "Salesforce " + operation + " (HTTP " + status + "): " + reply.errors();
        if (status == 429 || (status == 403 && reply.hasError("REQUEST_LIMIT_EXCEEDED"))) {
            return CrmException.rateLimited(status, what, reply.retryAfter());
        }
        if (status == 401) {
            return CrmException.unauthorized(status, what);
        }
        if (status >= 500 || status == 408 || TRANSIENT_CODES.stream().anyMatch(reply::hasError)) {
            return CrmException.transientFailure(status, what, null);
        }
        if (status == 404 && operation.endsWith(".upsert")) {
            return CrmException.rejected(status, what + " (Salesforce reads some top-level domains in an external id "
                    + "URL, such as .inc, as a file extension)");
        }
        if (status == 300) {
            return CrmException.rejected(status, what + " (the external id matches several records: is the field "
                    + "marked Unique?)");
        }
        return CrmException.rejected(status, what);
    }

    private static CrmException tokenFailure(String operation, Reply reply) {
        int status = reply.status();
        String what = "Salesforce token request (HTTP " + status + "): " + reply.errors();
        if (status == 429) {
            return CrmException.rateLimited(status, what, reply.retryAfter());
        }
        if (status >= 500) {
            return CrmException.transientFailure(status, what, null);
        }
        return CrmException.unauthorized(status, what);
    }

    /** An answer: status, parsed JSON (a missing node when the body is empty or not JSON), the raw text. */
    private record Reply(int status, JsonNode json, String text, HttpHeaders headers) {

        static Reply of(HttpResponse<String> response, ObjectMapper mapper) {
            String body = response.body() == null ? "" : response.body();
            JsonNode node;
            try {
                node = body.isBlank() ? mapper.missingNode() : mapper.readTree(body);
            } catch (IOException notJson) {
                node = mapper.missingNode();
            }
            return new Reply(response.statusCode(), node, body, response.headers());
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Salesforce's errors are an array of {@code {message, errorCode, fields}}. */
        boolean hasError(String code) {
            for (JsonNode error : json.isArray() ? json : List.of(json)) {
                if (code.equals(error.path("errorCode").asText())) {
                    return true;
                }
            }
            return false;
        }

        /** {@code ERROR_CODE [Field1, Field2]: message; …}, the OAuth {@code error: description}, else the text. */
        String errors() {
            StringJoiner joined = new StringJoiner("; ");
            for (JsonNode error : json.isArray() ? json : List.of(json)) {
                if (error.has("errorCode")) {
                    StringBuilder one = new StringBuilder(error.path("errorCode").asText());
                    if (error.path("fields").isArray() && !error.path("fields").isEmpty()) {
                        List<String> names = new ArrayList<>();
                        error.path("fields").forEach(f -> names.add(f.asText()));
                        one.append(' ').append(names);
                    }
                    joined.add(one.append(": ").append(error.path("message").asText()));
                } else if (error.has("error")) {
                    joined.add(error.path("error").asText() + ": " + error.path("error_description").asText());
                }
            }
            if (joined.length() > 0) {
                return joined.toString();
            }
            String raw = text.strip();
            return raw.isEmpty() ? "no body" : raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
        }

        /** Retry-After in seconds; null when absent or an HTTP date. */
        Duration retryAfter() {
            return headers.firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d+"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
        }
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private String sobjectPath(String type, String... segments) {
        StringBuilder path = new StringBuilder(settings.dataPath()).append("/sobjects/").append(type);
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    private String opportunityKeyPath(UUID leadId) {
        return sobjectPath("Opportunity", settings.opportunityExternalIdField(), leadId.toString());
    }

    private String queryPath(String soql) {
        return settings.dataPath() + "/query?q=" + encode(soql);
    }

    /** The mapped properties of {@code names} plus {@code always}, for a {@code fields=} parameter. */
    private String select(CrmObject object, List<String> names, String... always) {
        Set<String> select = new LinkedHashSet<>(List.of(always));
        names.forEach(name -> addIfNotNull(select, fields.property(object, name)));
        return String.join(",", select);
    }

    /** Leadflow values by field as a Salesforce body: mapped properties only, nulls left out (never cleared). */
    private Map<String, Object> properties(CrmObject object, Map<String, ?> byField) {
        Map<String, Object> body = new LinkedHashMap<>();
        byField.forEach((field, value) -> {
            String property = fields.property(object, field);
            if (property != null && value != null && !(value instanceof String s && s.isBlank())) {
                body.put(property, value);
            }
        });
        return body;
    }

    /** The CRM's values, keyed by Leadflow field, for {@link FieldOwnership#toWrite}. */
    private Map<String, String> theirs(CrmObject object, List<String> names, JsonNode record) {
        Map<String, String> theirs = new LinkedHashMap<>();
        names.forEach(name -> {
            String property = fields.property(object, name);
            if (property != null) {
                theirs.put(name, text(record, property));
            }
        });
        return theirs;
    }

    private String propertyOf(CrmObject object, String field, JsonNode record) {
        String property = fields.property(object, field);
        return property == null ? null : text(record, property);
    }

    private static String requireId(Reply reply, String operation) {
        String id = text(reply.json(), "id");
        if (id == null) {
            throw CrmException.rejected(reply.status(), operation + " answered without an id (API version before "
                    + "v46.0?)");
        }
        return id;
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a Salesforce request body", e);
        }
    }

    /** A text value, null when missing, JSON null or blank. */
    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** SOQL's datetime literal (unquoted, UTC); milliseconds only when there are some, as SystemModstamp has. */
    static String soqlDateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant instant(String salesforceDateTime) {
        if (salesforceDateTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(salesforceDateTime, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(salesforceDateTime);
        }
    }

    /** A SOQL string literal (Salesforce ids are alphanumeric; escaping keeps any other value harmless). */
    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Percent-encoding for a path segment or query value: spaces as %20, which both accept. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void putIfNotNull(Map<String, Object> body, String property, Object value) {
        if (value != null) {
            body.put(property, value);
        }
    }

    private static void addIfNotNull(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
