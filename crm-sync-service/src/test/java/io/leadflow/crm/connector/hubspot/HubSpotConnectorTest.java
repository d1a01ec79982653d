package io.leadflow.crm.connector.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crm.connector.CallLog;
import io.leadflow.crm.connector.CallLog.CrmCall;
import io.leadflow.crm.connector.ChangePage;
import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.Conversion.AccountDraft;
import io.leadflow.crm.connector.Conversion.ContactDraft;
import io.leadflow.crm.connector.Conversion.OpportunityDraft;
import io.leadflow.crm.connector.CrmException;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.connector.FieldOwnership;
import io.leadflow.crm.connector.OpportunityChange;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The connector against a local server that answers with the shapes HubSpot documents for the CRM v3 objects API.
 */
class HubSpotConnectorTest {

    private static final String TOKEN = "pat-eu1-test-token";
    private static final UUID LEAD = UUID.fromString("7d9f3c2e-1b4a-4c8e-9f00-0a1b2c3d4e5f");
    private static final String EMAIL = "ana.lima@acme.example";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String COMPANY_SEARCH = "/crm/v3/objects/companies/search";
    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final String CONTACT_BY_EMAIL = "/crm/v3/objects/contacts/" + EMAIL;
    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String DEAL_BY_LEAD = "/crm/v3/objects/deals/" + LEAD;
    private static final String DEALS = "/crm/v3/objects/deals";
    private static final String DEAL_SEARCH = "/crm/v3/objects/deals/search";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    private final List<CrmCall> log = new CopyOnWriteArrayList<>();
    private final CallLog calls = log::add;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    // ---- convert ----

    @Test
    void newCompanyContactAndDeal_areCreatedAndAssociated() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), ok("{\"total\":0,\"results\":[]}"));
        stub(post(urlPathEqualTo(COMPANIES)), json(201, "{\"id\":\"1001\",\"properties\":{\"name\":\"Acme GmbH\","
                + "\"domain\":\"acme.example\"}}").withHeader("X-HubSpot-Correlation-Id", "corr-company-create"));
        stub(get(urlPathEqualTo(CONTACT_BY_EMAIL)).withQueryParam("idProperty", equalTo("email")), notFound());
        stub(post(urlPathEqualTo(CONTACTS)), json(201, "{\"id\":\"2001\",\"properties\":{}}"));
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)).withQueryParam("idProperty", equalTo("leadflow_lead_id")), notFound());
        stub(post(urlPathEqualTo(DEALS)), json(201, "{\"id\":\"3001\",\"properties\":{\"hubspot_owner_id\":\"501\"}}"));
        stubAssociations();

        CrmRecord record = connector(Duration.ofSeconds(5)).convert(conversion("501"), calls).await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("1001", "2001", "3001", null, "501", true));

        JsonNode search = body(postRequestedFor(urlPathEqualTo(COMPANY_SEARCH)));
        assertThat(search.at("/filterGroups/0/filters/0").toString())
                .isEqualTo("{\"propertyName\":\"domain\",\"operator\":\"EQ\",\"value\":\"acme.example\"}");
        assertThat(texts(search.path("properties"))).contains("name", "domain", "hubspot_owner_id");

        assertThat(properties(postRequestedFor(urlPathEqualTo(COMPANIES))))
                .isEqualTo(Map.of("name", "Acme GmbH", "domain", "acme.example"));
        assertThat(properties(postRequestedFor(urlPathEqualTo(CONTACTS)))).isEqualTo(Map.of(
                "email", EMAIL, "firstname", "Ana", "lastname", "Lima", "jobtitle", "Head of Operations",
                "phone", "+49 30 1234567", "lifecyclestage", "salesqualifiedlead"));
        assertThat(properties(postRequestedFor(urlPathEqualTo(DEALS)))).isEqualTo(Map.of(
                "pipeline", "default",
                "dealstage", "appointmentscheduled",
                "dealname", "Acme GmbH - Leadflow",
                "amount", "12000.50",
                "closedate", "1774915200000", // 2026-03-31T00:00:00Z: a date property takes midnight UTC
                "hubspot_owner_id", "501",
                "description", "Source: webinar. Score 87.",
                "leadflow_lead_id", LEAD.toString()));

        server.verify(putRequestedFor(urlPathEqualTo("/crm/v4/objects/deals/3001/associations/default/companies/1001")));
        server.verify(putRequestedFor(urlPathEqualTo("/crm/v4/objects/deals/3001/associations/default/contacts/2001")));
        server.verify(putRequestedFor(
                urlPathEqualTo("/crm/v4/objects/contacts/2001/associations/default/companies/1001")));
        assertThat(server.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));

        assertThat(log).extracting(CrmCall::operation).containsExactly("company.search", "company.create",
                "contact.find", "contact.create", "deal.find", "deal.create", "deal.associate.company",
                "deal.associate.contact", "contact.associate.company");
        assertThat(log).extracting(CrmCall::status).containsExactly(200, 201, 404, 201, 404, 201, 200, 200, 200);
        assertThat(log).allSatisfy(call -> {
            assertThat(call.outcome()).isEqualTo("ok");
            assertThat(call.error()).isNull();
            assertThat(call.latencyMillis()).isNotNegative();
            assertThat(call.requestId()).isNotBlank();
            assertThat(call.path()).doesNotContain(EMAIL).doesNotContain("?");
        });
        CrmCall companySearch = log.get(0);
        assertThat(companySearch.method()).isEqualTo("POST");
        assertThat(companySearch.path()).isEqualTo(COMPANY_SEARCH);
        // without a correlation id from HubSpot, the id we generated and sent
        assertThat(companySearch.requestId()).isEqualTo(server.findAll(postRequestedFor(urlPathEqualTo(COMPANY_SEARCH)))
                .get(0).getHeader("X-Request-Id"));
        assertThat(log.get(1).requestId()).isEqualTo("corr-company-create");
        assertThat(log.get(2).path()).isEqualTo("/crm/v3/objects/contacts/{email}");
    }

    @Test
    void existingCompanyAndContact_contactGetsOnlyEmptyFieldsAndDealFallsBackToCompanyOwner() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), ok("{\"total\":1,\"results\":[{\"id\":\"1001\",\"properties\":"
                + "{\"name\":\"ACME\",\"domain\":\"acme.example\",\"hubspot_owner_id\":\"777\"}}]}"));
        stub(get(urlPathEqualTo(CONTACT_BY_EMAIL)), ok("{\"id\":\"2001\",\"properties\":{\"email\":\"" + EMAIL + "\","
                + "\"firstname\":\"Ana Maria\",\"lastname\":\"Lima\",\"jobtitle\":\"COO\",\"phone\":\"\","
                + "\"lifecyclestage\":\"lead\"}}"));
        stub(patch(urlPathEqualTo(CONTACTS + "/2001")), ok("{\"id\":\"2001\",\"properties\":{}}"));
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)), notFound());
        stub(post(urlPathEqualTo(DEALS)), json(201, "{\"id\":\"3001\",\"properties\":{}}"));
        stubAssociations();

        CrmRecord record = connector(Duration.ofSeconds(5)).convert(conversion(null), calls).await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("1001", "2001", "3001", "777", "777", true));
        server.verify(0, postRequestedFor(urlPathEqualTo(COMPANIES)));
        server.verify(0, postRequestedFor(urlPathEqualTo(CONTACTS)));
        // the CRM owns the details it has: only the empty phone is filled, and the lifecycle moves forward
        assertThat(properties(patchRequestedFor(urlPathEqualTo(CONTACTS + "/2001"))))
                .isEqualTo(Map.of("phone", "+49 30 1234567", "lifecyclestage", "salesqualifiedlead"));
        assertThat(properties(postRequestedFor(urlPathEqualTo(DEALS)))).containsEntry("hubspot_owner_id", "777");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(CONTACT_BY_EMAIL))).get(0).queryParameter("properties")
                .values().get(0).split(",")).contains("firstname", "phone", "lifecyclestage");
    }

    @Test
    void existingDealAndCompleteContact_areReusedWithoutWrites() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), ok("{\"results\":[{\"id\":\"1001\",\"properties\":{}}]}"));
        stub(get(urlPathEqualTo(CONTACT_BY_EMAIL)), ok("{\"id\":\"2001\",\"properties\":{\"email\":\"" + EMAIL + "\","
                + "\"firstname\":\"A\",\"lastname\":\"L\",\"jobtitle\":\"COO\",\"phone\":\"1\","
                + "\"lifecyclestage\":\"customer\"}}"));
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)), ok(deal("3001", "qualifiedtobuy", "888")));
        stubAssociations();

        CrmRecord record = connector(Duration.ofSeconds(5)).convert(conversion("501"), calls).await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("1001", "2001", "3001", null, "888", false));
        server.verify(0, patchRequestedFor(urlPathMatching(".*")));
        server.verify(0, postRequestedFor(urlPathEqualTo(DEALS)));
        server.verify(3, putRequestedFor(urlPathMatching("/crm/v4/objects/.*")));
    }

    @Test
    void contactCreatedMeanwhile_409IsReadAgainAndUpdated() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), ok("{\"results\":[{\"id\":\"1001\",\"properties\":{}}]}"));
        stub(get(urlPathEqualTo(CONTACT_BY_EMAIL)).inScenario("contact").whenScenarioStateIs(Scenario.STARTED),
                notFound());
        stub(post(urlPathEqualTo(CONTACTS)).inScenario("contact").willSetStateTo("exists"),
                json(409, "{\"status\":\"error\",\"message\":\"Contact already exists. Existing ID: 2001\","
                        + "\"correlationId\":\"corr-409\",\"category\":\"CONFLICT\"}"));
        stub(get(urlPathEqualTo(CONTACT_BY_EMAIL)).inScenario("contact").whenScenarioStateIs("exists"),
                ok("{\"id\":\"2001\",\"properties\":{\"email\":\"" + EMAIL + "\",\"firstname\":\"Ana\"}}"));
        stub(patch(urlPathEqualTo(CONTACTS + "/2001")), ok("{\"id\":\"2001\"}"));
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)), ok(deal("3001", "appointmentscheduled", "501")));
        stubAssociations();

        CrmRecord record = connector(Duration.ofSeconds(5)).convert(conversion("501"), calls).await().atMost(WAIT);

        assertThat(record.contactId()).isEqualTo("2001");
        assertThat(properties(patchRequestedFor(urlPathEqualTo(CONTACTS + "/2001")))).isEqualTo(Map.of(
                "lastname", "Lima", "jobtitle", "Head of Operations", "phone", "+49 30 1234567",
                "lifecyclestage", "salesqualifiedlead"));
        assertThat(log).extracting(CrmCall::operation).startsWith("company.search", "contact.find", "contact.create",
                "contact.find", "contact.update");
    }

    @Test
    void timeoutAfterCommit_retryFindsAndReusesTheDeal() {
        // generous enough that only the delayed create times out, even on a cold JVM on a busy machine
        Duration timeout = Duration.ofSeconds(2);
        stubExistingCompanyAndContact();
        // HubSpot commits the deal but answers too late; from then on the deal is readable by its lead id, and a
        // second create would be refused by the unique property
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)).inScenario("deal").whenScenarioStateIs(Scenario.STARTED), notFound());
        stub(post(urlPathEqualTo(DEALS)).inScenario("deal").whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("committed"),
                json(201, "{\"id\":\"3001\",\"properties\":{}}").withFixedDelay(4_000));
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)).inScenario("deal").whenScenarioStateIs("committed"),
                ok(deal("3001", "appointmentscheduled", "501")));
        stub(post(urlPathEqualTo(DEALS)).inScenario("deal").whenScenarioStateIs("committed"), conflict());
        stubAssociations();
        HubSpotConnector connector = connector(timeout);

        CrmException first = failure(connector.convert(conversion("501"), calls));
        assertThat(first.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(first.status()).isZero();
        CrmCall timedOut = log.get(log.size() - 1);
        assertThat(timedOut.operation()).isEqualTo("deal.create");
        assertThat(timedOut.status()).isZero();
        assertThat(timedOut.outcome()).isEqualTo("transient");

        CrmRecord retried = connector.convert(conversion("501"), calls).await().atMost(WAIT);

        assertThat(retried.opportunityId()).isEqualTo("3001");
        assertThat(retried.created()).isFalse();
        server.verify(1, postRequestedFor(urlPathEqualTo(DEALS)));
        server.verify(putRequestedFor(urlPathEqualTo("/crm/v4/objects/deals/3001/associations/default/contacts/2001")));
    }

    @Test
    void conflictOnDealCreate_readsAndReusesTheCommittedDeal() {
        stubExistingCompanyAndContact();
        // the earlier attempt's deal is not visible yet to the first read, but the unique lead id refuses a second
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)).inScenario("deal").whenScenarioStateIs(Scenario.STARTED), notFound());
        stub(post(urlPathEqualTo(DEALS)).inScenario("deal").willSetStateTo("conflict"), conflict());
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)).inScenario("deal").whenScenarioStateIs("conflict"),
                ok(deal("3001", "appointmentscheduled", "501")));
        stubAssociations();

        CrmRecord record = connector(Duration.ofSeconds(5)).convert(conversion("501"), calls).await().atMost(WAIT);

        assertThat(record.opportunityId()).isEqualTo("3001");
        assertThat(record.created()).isFalse();
        server.verify(1, postRequestedFor(urlPathEqualTo(DEALS)));
        server.verify(2, getRequestedFor(urlPathEqualTo(DEAL_BY_LEAD)));
        assertThat(log).filteredOn(call -> call.operation().equals("deal.create"))
                .singleElement().satisfies(call -> assertThat(call.status()).isEqualTo(409));
    }

    // ---- failures ----

    @Test
    void rateLimited_carriesRetryAfter() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), json(429, "{\"status\":\"error\",\"message\":\"You have reached "
                + "your secondly limit.\",\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"corr-429\","
                + "\"policyName\":\"SECONDLY\",\"category\":\"RATE_LIMITS\"}")
                .withHeader("Retry-After", "7")
                .withHeader("X-HubSpot-Correlation-Id", "corr-429")
                .withHeader("X-HubSpot-RateLimit-Max", "190")
                .withHeader("X-HubSpot-RateLimit-Remaining", "0"));

        CrmException e = failure(connector(Duration.ofSeconds(5)).convert(conversion("501"), calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.retryable()).isTrue();
        assertThat(log).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("company.search");
            assertThat(call.outcome()).isEqualTo("rate_limited");
            assertThat(call.status()).isEqualTo(429);
            assertThat(call.requestId()).isEqualTo("corr-429");
            assertThat(call.error()).isEqualTo("You have reached your secondly limit.");
        });
    }

    @Test
    void rateLimitedWithoutRetryAfter_leavesTheWaitToTheWorker() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), json(429, "{\"status\":\"error\",\"message\":\"You have reached "
                + "your daily limit.\",\"category\":\"RATE_LIMITS\"}"));

        CrmException e = failure(connector(Duration.ofSeconds(5)).convert(conversion("501"), calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void unauthorized() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), json(401, "{\"status\":\"error\",\"message\":\"Authentication "
                + "credentials not found.\",\"correlationId\":\"corr-401\",\"category\":\"INVALID_AUTHENTICATION\"}"));

        CrmException e = failure(connector(Duration.ofSeconds(5)).convert(conversion("501"), calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
        assertThat(log).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo("unauthorized");
            assertThat(call.requestId()).isEqualTo("corr-401"); // from the error body when no header carries it
        });
    }

    @Test
    void serverError_isTransient() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), json(502, "<html>Bad Gateway</html>"));

        CrmException e = failure(connector(Duration.ofSeconds(5)).convert(conversion("501"), calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(e.status()).isEqualTo(502);
        assertThat(log).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo("transient");
            assertThat(call.error()).isEqualTo("<html>Bad Gateway</html>");
        });
    }

    @Test
    void noAnswerWithinTheTimeout_isTransient() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), ok("{\"results\":[]}").withFixedDelay(1_000));

        CrmException e = failure(connector(Duration.ofMillis(200)).convert(conversion("501"), calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(e.status()).isZero();
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(log).singleElement().satisfies(call -> {
            assertThat(call.status()).isZero();
            assertThat(call.outcome()).isEqualTo("transient");
            assertThat(call.requestId()).isNotBlank();
        });
    }

    @Test
    void connectionRefused_isTransient() {
        HubSpotSettings settings = HubSpotSettings.withToken(TOKEN).withBaseUrl("http://127.0.0.1:1");
        HubSpotConnector connector = new HubSpotConnector(settings, HubSpotConnector.DEFAULT_FIELDS,
                FieldOwnership.crmOwnsAll());

        CrmException e = failure(connector.changesSince(Instant.EPOCH, 10, calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(e.status()).isZero();
        assertThat(log).singleElement().satisfies(call -> assertThat(call.outcome()).isEqualTo("transient"));
    }

    @Test
    void validationError_isRejectedNamingTheProperty() {
        stubExistingCompanyAndContact();
        stub(get(urlPathEqualTo(DEAL_BY_LEAD)), notFound());
        String message = "Property values were not valid: [{\\\"isValid\\\":false,\\\"message\\\":\\\""
                + "appointmentscheduled was not one of the allowed options\\\",\\\"error\\\":\\\"INVALID_OPTION\\\","
                + "\\\"name\\\":\\\"dealstage\\\"}]";
        stub(post(urlPathEqualTo(DEALS)), json(400, "{\"status\":\"error\",\"message\":\"" + message + "\","
                + "\"correlationId\":\"corr-400\",\"category\":\"VALIDATION_ERROR\"}"));

        CrmException e = failure(connector(Duration.ofSeconds(5)).convert(conversion("501"), calls));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("deal.create: HTTP 400 VALIDATION_ERROR: ").contains("dealstage");
        assertThat(log.get(log.size() - 1)).satisfies(call -> {
            assertThat(call.outcome()).isEqualTo("rejected");
            assertThat(call.error()).contains("\"name\":\"dealstage\"");
        });
    }

    // ---- reading deals ----

    @Test
    void changesSince_mapsWonLostAndOpenDeals() throws Exception {
        UUID won = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        stub(post(urlPathEqualTo(DEAL_SEARCH)), ok("{\"total\":4,\"results\":["
                + "{\"id\":\"11\",\"properties\":{\"dealstage\":\"closedwon\",\"amount\":\"12000.5\","
                + "\"closedate\":\"2026-03-31T00:00:00Z\",\"hs_is_closed\":\"true\",\"hs_is_closed_won\":\"true\","
                + "\"hs_lastmodifieddate\":\"2026-04-01T10:00:00.000Z\",\"leadflow_lead_id\":\"" + won + "\"}},"
                // no hs_is_closed flags: the settings' stage ids decide
                + "{\"id\":\"12\",\"properties\":{\"dealstage\":\"closedlost\",\"amount\":null,"
                + "\"closed_lost_reason\":\"Chose a competitor\",\"closedate\":\"1775001600000\","
                + "\"hs_lastmodifieddate\":\"2026-04-01T11:00:00Z\",\"leadflow_lead_id\":\"" + lost + "\"}},"
                + "{\"id\":\"13\",\"properties\":{\"dealstage\":\"qualifiedtobuy\",\"amount\":\"900\","
                + "\"hs_is_closed\":\"false\",\"hs_is_closed_won\":\"false\","
                + "\"hs_lastmodifieddate\":\"2026-04-01T12:30:00.250Z\",\"leadflow_lead_id\":\"" + open + "\"}},"
                // someone typed into the lead id by hand: not a Leadflow deal, but the cursor still moves past it
                + "{\"id\":\"14\",\"properties\":{\"dealstage\":\"qualifiedtobuy\","
                + "\"hs_lastmodifieddate\":\"2026-04-01T12:45:00Z\",\"leadflow_lead_id\":\"n/a\"}}"
                + "],\"paging\":{\"next\":{\"after\":\"4\"}}}"));
        Instant since = Instant.parse("2026-04-01T09:00:00Z");

        ChangePage page = connector(Duration.ofSeconds(5)).changesSince(since, 50, calls).await().atMost(WAIT);

        assertThat(page.changes()).containsExactly(
                new OpportunityChange(won, "11", "closedwon", true, true, new BigDecimal("12000.5"), null,
                        LocalDate.of(2026, 3, 31), Instant.parse("2026-04-01T10:00:00Z")),
                new OpportunityChange(lost, "12", "closedlost", true, false, null, "Chose a competitor",
                        LocalDate.of(2026, 4, 1), Instant.parse("2026-04-01T11:00:00Z")),
                new OpportunityChange(open, "13", "qualifiedtobuy", false, false, new BigDecimal("900"), null, null,
                        Instant.parse("2026-04-01T12:30:00.250Z")));
        assertThat(page.nextSince()).isEqualTo(Instant.parse("2026-04-01T12:45:00Z"));

        JsonNode search = body(postRequestedFor(urlPathEqualTo(DEAL_SEARCH)));
        assertThat(search.path("filterGroups")).hasSize(1);
        assertThat(search.at("/filterGroups/0/filters")).isEqualTo(JSON.readTree("["
                + "{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"GT\",\"value\":\""
                + since.toEpochMilli() + "\"},"
                + "{\"propertyName\":\"leadflow_lead_id\",\"operator\":\"HAS_PROPERTY\"}]"));
        assertThat(search.path("sorts")).isEqualTo(JSON.readTree(
                "[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}]"));
        assertThat(search.path("limit").asInt()).isEqualTo(50);
        assertThat(texts(search.path("properties"))).contains("dealstage", "amount", "closedate",
                "closed_lost_reason", "leadflow_lead_id", "hs_lastmodifieddate", "hs_is_closed", "hs_is_closed_won");
        assertThat(log).singleElement().satisfies(call -> assertThat(call.operation()).isEqualTo("deal.changes"));
    }

    @Test
    void changesSince_emptyPageKeepsTheCursor() {
        stub(post(urlPathEqualTo(DEAL_SEARCH)), ok("{\"total\":0,\"results\":[]}"));
        Instant since = Instant.parse("2026-04-01T09:00:00Z");

        ChangePage page = connector(Duration.ofSeconds(5)).changesSince(since, 500, calls).await().atMost(WAIT);

        assertThat(page.changes()).isEmpty();
        assertThat(page.nextSince()).isEqualTo(since);
        assertThat(body(postRequestedFor(urlPathEqualTo(DEAL_SEARCH))).path("limit").asInt())
                .isEqualTo(HubSpotConnector.MAX_SEARCH_LIMIT);
    }

    @Test
    void findDeal_readsTheCurrentStateOrNull() {
        stub(get(urlPathEqualTo(DEALS + "/3001")), ok(deal("3001", "closedwon", "501")));
        stub(get(urlPathEqualTo(DEALS + "/3002")), ok("{\"id\":\"3002\",\"properties\":{\"dealstage\":\"closedwon\"}}"));
        stub(get(urlPathEqualTo(DEALS + "/3003")), notFound());
        HubSpotConnector connector = connector(Duration.ofSeconds(5));

        OpportunityChange deal = connector.findDeal("3001", calls).await().atMost(WAIT);
        assertThat(deal.leadId()).isEqualTo(LEAD);
        assertThat(deal.opportunityId()).isEqualTo("3001");
        assertThat(deal.closed()).isTrue();
        assertThat(deal.won()).isTrue();
        assertThat(connector.findDeal("3002", calls).await().atMost(WAIT)).isNull(); // not a Leadflow deal
        assertThat(connector.findDeal("3003", calls).await().atMost(WAIT)).isNull(); // deleted
    }

    @Test
    void updateLifecycle_onlyMovesForward() {
        stub(get(urlPathEqualTo(CONTACTS + "/2001")),
                ok("{\"id\":\"2001\",\"properties\":{\"lifecyclestage\":\"opportunity\"}}"));
        stub(patch(urlPathEqualTo(CONTACTS + "/2001")), ok("{\"id\":\"2001\"}"));
        HubSpotConnector connector = connector(Duration.ofSeconds(5));

        connector.updateLifecycle("2001", "salesqualifiedlead", calls).await().atMost(WAIT);
        server.verify(0, patchRequestedFor(urlPathEqualTo(CONTACTS + "/2001")));

        connector.updateLifecycle("2001", "customer", calls).await().atMost(WAIT);
        assertThat(properties(patchRequestedFor(urlPathEqualTo(CONTACTS + "/2001"))))
                .isEqualTo(Map.of("lifecyclestage", "customer"));
    }

    // ---- fixtures ----

    private HubSpotConnector connector(Duration timeout) {
        HubSpotSettings settings = new HubSpotSettings(server.baseUrl(), TOKEN, null, null, null, timeout, null, null,
                null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new HubSpotConnector(settings, HubSpotConnector.DEFAULT_FIELDS, FieldOwnership.crmOwnsAll(), http);
    }

    private static Conversion conversion(String ownerId) {
        return new Conversion(LEAD,
                new AccountDraft("Acme GmbH", "acme.example"),
                new ContactDraft(EMAIL, "Ana", "Lima", "Head of Operations", "+49 30 1234567", "salesqualifiedlead"),
                new OpportunityDraft("Acme GmbH - Leadflow", "discovery", LocalDate.of(2026, 3, 31),
                        new BigDecimal("12000.50"), ownerId, "Source: webinar. Score 87."));
    }

    private static String deal(String id, String stage, String owner) {
        return "{\"id\":\"" + id + "\",\"properties\":{\"dealstage\":\"" + stage + "\",\"hubspot_owner_id\":\"" + owner
                + "\",\"leadflow_lead_id\":\"" + LEAD + "\",\"hs_lastmodifieddate\":\"2026-04-01T10:00:00Z\"}}";
    }

    private static void stubExistingCompanyAndContact() {
        stub(post(urlPathEqualTo(COMPANY_SEARCH)), ok("{\"results\":[{\"id\":\"1001\",\"properties\":{}}]}"));
        stub(get(urlPathEqualTo(CONTACT_BY_EMAIL)), ok("{\"id\":\"2001\",\"properties\":{\"email\":\"" + EMAIL + "\","
                + "\"firstname\":\"Ana\",\"lastname\":\"Lima\",\"jobtitle\":\"COO\",\"phone\":\"1\","
                + "\"lifecyclestage\":\"salesqualifiedlead\"}}"));
    }

    private static void stubAssociations() {
        stub(put(urlPathMatching("/crm/v4/objects/.*/associations/default/.*")), ok("{\"status\":\"COMPLETE\","
                + "\"results\":[]}"));
    }

    private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    private static ResponseDefinitionBuilder notFound() {
        return json(404, "{\"status\":\"error\",\"message\":\"resource not found\",\"category\":\"OBJECT_NOT_FOUND\"}");
    }

    private static ResponseDefinitionBuilder conflict() {
        return json(409, "{\"status\":\"error\",\"message\":\"A deal with leadflow_lead_id " + LEAD + " already "
                + "exists\",\"correlationId\":\"corr-409\",\"category\":\"CONFLICT\"}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    private static CrmException failure(Uni<?> uni) {
        return catchThrowableOfType(CrmException.class, () -> uni.await().atMost(WAIT));
    }

    /** The JSON body of the one request matching. */
    private static JsonNode body(RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = server.findAll(pattern);
        assertThat(requests).hasSize(1);
        try {
            return JSON.readTree(requests.get(0).getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> properties(RequestPatternBuilder pattern) {
        Map<String, String> properties = new LinkedHashMap<>();
        body(pattern).path("properties").fields()
                .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
        return properties;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
