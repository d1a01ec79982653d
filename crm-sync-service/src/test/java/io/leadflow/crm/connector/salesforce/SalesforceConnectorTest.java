package io.leadflow.crm.connector.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leadflow.crm.connector.CallLog;
import io.leadflow.crm.connector.ChangePage;
import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.CrmException;
import io.leadflow.crm.connector.CrmRecord;
import io.leadflow.crm.connector.FieldOwnership;
import io.leadflow.crm.connector.OpportunityChange;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The connector against WireMock answering with the shapes of Salesforce's REST API documentation. */
class SalesforceConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DATA = "/services/data/v61.0";
    private static final String TOKEN = "/services/oauth2/token";
    private static final UUID LEAD = UUID.fromString("6f1c2b9e-3d4a-4e8f-9b1a-0c2d3e4f5a6b");
    private static final String ACCOUNT_KEY = DATA + "/sobjects/Account/Leadflow_Domain__c/acme.com";
    private static final String CONTACT_KEY = DATA + "/sobjects/Contact/Leadflow_Email__c/jane%40acme.com";
    private static final String OPPORTUNITY_KEY = DATA + "/sobjects/Opportunity/Leadflow_Lead_Id__c/" + LEAD;
    private static final String NOT_FOUND = """
            [{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]""";
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    private WireMockServer wm;
    private final List<CallLog.CrmCall> calls = new CopyOnWriteArrayList<>();
    private final CallLog log = calls::add;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private SalesforceConnector connector(SalesforceSettings settings) {
        return new SalesforceConnector(settings, SalesforceConnector.DEFAULT_FIELDS, FieldOwnership.crmOwnsAll(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private SalesforceConnector connector() {
        return connector(settings());
    }

    private SalesforceSettings settings() {
        return SalesforceSettings.of(wm.baseUrl(), "client-id", "s3cr=t&x").withTimeout(Duration.ofSeconds(5));
    }

    private String tokenJson(String accessToken) {
        return """
                {"access_token":"%s","signature":"c2ln","token_format":"opaque","instance_url":"%s",
                 "id":"https://login.salesforce.com/id/00D000000000001/005000000000001","token_type":"Bearer",
                 "issued_at":"1740819600000"}""".formatted(accessToken, wm.baseUrl());
    }

    private void stubToken() {
        wm.stubFor(post(TOKEN).willReturn(okJson(tokenJson("tok-1"))));
    }

    private static Conversion conversion(String ownerId, String stage, LocalDate closeDate) {
        return new Conversion(LEAD,
                new Conversion.AccountDraft("Acme", "acme.com"),
                new Conversion.ContactDraft("jane@acme.com", "Jane", "Doe", "CTO", "+44 20 7946 0000",
                        "salesqualifiedlead"),
                new Conversion.OpportunityDraft("Acme - inbound", stage, closeDate, new BigDecimal("12000.50"),
                        ownerId, "Source: webinar. Score 87."));
    }

    private static CrmException failure(Uni<?> uni) {
        try {
            uni.await().atMost(WAIT);
        } catch (CrmException e) {
            return e;
        }
        throw new AssertionError("expected a CrmException");
    }

    private List<String> operations() {
        return calls.stream().map(CallLog.CrmCall::operation).toList();
    }

    private int count(RequestPatternBuilder pattern) {
        return wm.countRequestsMatching(pattern.build()).getCount();
    }

    // ------------------------------------------------------------------------------------------------- convert

    @Test
    void convertCreatesAccountContactOpportunityAndContactRoleByExternalIds() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(ACCOUNT_KEY)).willReturn(jsonResponse("""
                {"id":"001A","errors":[],"success":true,"created":true}""", 201)));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(CONTACT_KEY)).willReturn(jsonResponse("""
                {"id":"003C","errors":[],"success":true,"created":true}""", 201)));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                {"id":"006O","errors":[],"success":true,"created":true}""", 201)));
        wm.stubFor(post(DATA + "/sobjects/OpportunityContactRole").willReturn(jsonResponse("""
                {"id":"00KR","errors":[],"success":true}""", 201)));

        CrmRecord record = connector().convert(conversion("005AE", "Qualification", LocalDate.of(2025, 6, 30)), log)
                .await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("001A", "003C", "006O", "005AE", "005AE", true));

        // The client credentials grant, form-encoded (the secret's '=' and '&' escaped).
        wm.verify(postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=client-id"
                        + "&client_secret=s3cr%3Dt%26x")));
        // Reads ask for the mapped fields; every API call carries the bearer token.
        wm.verify(getRequestedFor(urlEqualTo(ACCOUNT_KEY + "?fields=Id,OwnerId,Name,Website")));
        wm.verify(getRequestedFor(urlEqualTo(CONTACT_KEY
                + "?fields=Id,AccountId,Email,FirstName,LastName,Title,Phone")));
        wm.verify(getRequestedFor(urlEqualTo(OPPORTUNITY_KEY + "?fields=Id,Leadflow_Lead_Id__c,StageName,IsClosed,"
                + "IsWon,Amount,CloseDate,Loss_Reason__c,SystemModstamp,OwnerId")));
        assertThat(wm.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().startsWith(DATA)).hasSize(7)
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer tok-1"));

        // A new account gets the deal's owner, so it is not owned by the integration user.
        wm.verify(patchRequestedFor(urlEqualTo(ACCOUNT_KEY)).withRequestBody(equalToJson("""
                {"Name":"Acme","Website":"acme.com","OwnerId":"005AE"}""")));
        // A new contact gets all our fields (the lifecycle is unmapped by default) and the account.
        wm.verify(patchRequestedFor(urlEqualTo(CONTACT_KEY)).withRequestBody(equalToJson("""
                {"Email":"jane@acme.com","FirstName":"Jane","LastName":"Doe","Title":"CTO",
                 "Phone":"+44 20 7946 0000","AccountId":"001A"}""")));
        wm.verify(patchRequestedFor(urlEqualTo(OPPORTUNITY_KEY)).withRequestBody(equalToJson("""
                {"Name":"Acme - inbound","StageName":"Qualification","CloseDate":"2025-06-30","Amount":12000.50,
                 "OwnerId":"005AE","Description":"Source: webinar. Score 87.","AccountId":"001A"}""")));
        wm.verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/OpportunityContactRole"))
                .withRequestBody(equalToJson("""
                        {"OpportunityId":"006O","ContactId":"003C","IsPrimary":true}""")));

        // One log entry per call, with the request id we sent, the status and the latency.
        assertThat(operations()).containsExactly("token", "account.find", "account.upsert", "contact.find",
                "contact.upsert", "opportunity.find", "opportunity.upsert", "contactRole.create");
        assertThat(calls).extracting(CallLog.CrmCall::status).containsExactly(200, 404, 201, 404, 201, 404, 201, 201);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.outcome()).isEqualTo("ok");
            assertThat(call.error()).isNull();
            assertThat(call.latencyMillis()).isBetween(0L, WAIT.toMillis());
            assertThat(UUID.fromString(call.requestId())).isNotNull();
        });
        assertThat(calls.get(0)).extracting(CallLog.CrmCall::method, CallLog.CrmCall::path).containsExactly("POST",
                TOKEN);
        assertThat(calls.get(2)).extracting(CallLog.CrmCall::method, CallLog.CrmCall::path).containsExactly("PATCH",
                ACCOUNT_KEY);
        // the contact's key is the person's address: the log shows a placeholder, so no address outlives an erasure
        assertThat(calls).extracting(CallLog.CrmCall::path).noneMatch(path -> path.contains("jane"))
                .contains(DATA + "/sobjects/Contact/Leadflow_Email__c/{email}");
        assertThat(calls).extracting(CallLog.CrmCall::requestId).containsExactlyInAnyOrderElementsOf(
                wm.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("X-Request-Id")).toList());
    }

    @Test
    void anExistingContactGetsOnlyItsEmptyFieldsAndTheDealFallsBackToTheAccountOwner() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(okJson("""
                {"attributes":{"type":"Account","url":"/services/data/v61.0/sobjects/Account/001EX"},
                 "Id":"001EX","OwnerId":"005ACC","Name":"ACME Corporation","Website":"https://www.acme.com"}""")));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(okJson("""
                {"attributes":{"type":"Contact","url":"/services/data/v61.0/sobjects/Contact/003EX"},
                 "Id":"003EX","AccountId":"001OTHER","Email":"jane@acme.com","FirstName":"Janet","LastName":"Doe",
                 "Title":null,"Phone":"+1 555 0100"}""")));
        wm.stubFor(patch(urlPathEqualTo(CONTACT_KEY)).willReturn(okJson("""
                {"id":"003EX","errors":[],"success":true,"created":false}""")));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                {"id":"006O","errors":[],"success":true,"created":true}""", 201)));
        wm.stubFor(post(DATA + "/sobjects/OpportunityContactRole").willReturn(jsonResponse("""
                {"id":"00KR","errors":[],"success":true}""", 201)));

        CrmRecord record = connector().convert(conversion(null, null, null), log).await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("001EX", "003EX", "006O", "005ACC", "005ACC", true));
        // The account's name and website are the CRM's: nothing written.
        assertThat(count(patchRequestedFor(urlPathEqualTo(ACCOUNT_KEY)))).isZero();
        assertThat(count(patchRequestedFor(urlPathEqualTo(DATA + "/sobjects/Account/001EX")))).isZero();
        // Only the empty title; not the CRM's first name, phone, or the account the rep chose.
        wm.verify(patchRequestedFor(urlEqualTo(CONTACT_KEY)).withRequestBody(equalToJson("""
                {"Title":"CTO"}""")));
        // No owner on the draft: the account's; no stage or close date: the defaults (today + 90 days).
        wm.verify(patchRequestedFor(urlEqualTo(OPPORTUNITY_KEY)).withRequestBody(equalToJson("""
                {"Name":"Acme - inbound","StageName":"Prospecting","CloseDate":"2025-05-30","Amount":12000.50,
                 "OwnerId":"005ACC","Description":"Source: webinar. Score 87.","AccountId":"001EX"}""")));
    }

    @Test
    void aContactWhoseFieldsAreAllFilledIsNotWritten() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(okJson("""
                {"Id":"001EX","OwnerId":"005ACC","Name":"Acme","Website":"acme.com"}""")));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(okJson("""
                {"Id":"003EX","AccountId":"001EX","Email":"jane@acme.com","FirstName":"Jane","LastName":"Doe",
                 "Title":"Chief Technology Officer","Phone":"+44 20 7946 0000"}""")));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(okJson("""
                {"Id":"006EX","OwnerId":"005REP","Leadflow_Lead_Id__c":"%s","StageName":"Negotiation/Review",
                 "IsClosed":false,"IsWon":false,"Amount":9000.0,"CloseDate":"2025-04-30","Loss_Reason__c":null,
                 "SystemModstamp":"2025-03-01T08:00:00.000+0000"}""".formatted(LEAD))));
        wm.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(okJson("""
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"OpportunityContactRole"},
                 "Id":"00KR"}]}""")));

        CrmRecord record = connector().convert(conversion("005AE", null, null), log).await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("001EX", "003EX", "006EX", "005ACC", "005REP", false));
        assertThat(operations()).containsExactly("token", "account.find", "contact.find", "opportunity.find",
                "contactRole.find");
        assertThat(count(patchRequestedFor(anyUrl()))).isZero();
        assertThat(count(postRequestedFor(urlPathEqualTo(DATA + "/sobjects/OpportunityContactRole")))).isZero();
    }

    @Test
    void anAccountWithoutDomainIsCreatedAndItsOwnerReadBack() {
        stubToken();
        wm.stubFor(post(DATA + "/sobjects/Account").willReturn(jsonResponse("""
                {"id":"001N","errors":[],"success":true}""", 201)));
        wm.stubFor(get(urlEqualTo(DATA + "/sobjects/Account/001N?fields=OwnerId")).willReturn(okJson("""
                {"attributes":{"type":"Account"},"OwnerId":"005INT","Id":"001N"}""")));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(CONTACT_KEY)).willReturn(jsonResponse("""
                {"id":"003C","errors":[],"success":true,"created":true}""", 201)));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                {"id":"006O","errors":[],"success":true,"created":true}""", 201)));
        wm.stubFor(post(DATA + "/sobjects/OpportunityContactRole").willReturn(jsonResponse("""
                [{"message":"duplicate value found: <unknown> duplicates value on record with id: <unknown>",
                  "errorCode":"DUPLICATE_VALUE","fields":[]}]""", 400)));
        Conversion noDomain = new Conversion(LEAD, new Conversion.AccountDraft("Jane's bakery", null),
                conversion(null, null, null).contact(), conversion(null, null, null).opportunity());

        CrmRecord record = connector().convert(noDomain, log).await().atMost(WAIT);

        assertThat(record).isEqualTo(new CrmRecord("001N", "003C", "006O", "005INT", "005INT", true));
        wm.verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")).withRequestBody(equalToJson("""
                {"Name":"Jane's bakery"}""")));
        // The contact role already existing is no failure.
        assertThat(calls.get(calls.size() - 1)).extracting(CallLog.CrmCall::operation, CallLog.CrmCall::status,
                CallLog.CrmCall::outcome).containsExactly("contactRole.create", 400, "ok");
    }

    @Test
    void aTimeoutAfterSalesforceCommittedIsRepairedByTheRetryFindingTheOpportunity() {
        SalesforceConnector connector = connector(settings().withTimeout(Duration.ofSeconds(1)));
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(okJson("""
                {"Id":"001EX","OwnerId":"005ACC","Name":"Acme","Website":"acme.com"}""")));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(okJson("""
                {"Id":"003EX","AccountId":"001EX","Email":"jane@acme.com","FirstName":"Jane","LastName":"Doe",
                 "Title":"CTO","Phone":"+44 20 7946 0000"}""")));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).inScenario("opportunity")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(jsonResponse(NOT_FOUND, 404)));
        // Salesforce commits, but the answer comes after our timeout.
        wm.stubFor(patch(urlPathEqualTo(OPPORTUNITY_KEY)).inScenario("opportunity")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("committed")
                .willReturn(jsonResponse("""
                        {"id":"006C","errors":[],"success":true,"created":true}""", 201)
                        .withFixedDelay(3_000)));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).inScenario("opportunity")
                .whenScenarioStateIs("committed").willReturn(okJson("""
                        {"Id":"006C","OwnerId":"005AE","Leadflow_Lead_Id__c":"%s","StageName":"Prospecting",
                         "IsClosed":false,"IsWon":false,"Amount":12000.5,"CloseDate":"2025-05-30",
                         "Loss_Reason__c":null,"SystemModstamp":"2025-03-01T09:00:01.000+0000"}""".formatted(LEAD))));
        wm.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(okJson("""
                {"totalSize":0,"done":true,"records":[]}""")));
        wm.stubFor(post(DATA + "/sobjects/OpportunityContactRole").willReturn(jsonResponse("""
                {"id":"00KR","errors":[],"success":true}""", 201)));

        CrmException timeout = failure(connector.convert(conversion("005AE", null, null), log));
        assertThat(timeout.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(timeout.status()).isZero();
        assertThat(calls.get(calls.size() - 1)).extracting(CallLog.CrmCall::operation, CallLog.CrmCall::status,
                CallLog.CrmCall::outcome).containsExactly("opportunity.upsert", 0, "transient");

        CrmRecord retried = connector.convert(conversion("005AE", null, null), log).await().atMost(WAIT);

        assertThat(retried).isEqualTo(new CrmRecord("001EX", "003EX", "006C", "005ACC", "005AE", false));
        // One write of the opportunity (the timed-out one, keyed by the lead id); the contact role it never reached.
        assertThat(count(patchRequestedFor(urlPathEqualTo(OPPORTUNITY_KEY)))).isEqualTo(1);
        assertThat(count(postRequestedFor(urlPathEqualTo(DATA + "/sobjects/Opportunity")))).isZero();
        wm.verify(1, getRequestedFor(urlPathEqualTo(DATA + "/query")).withQueryParam("q", equalTo(
                "SELECT Id FROM OpportunityContactRole WHERE OpportunityId = '006C' AND ContactId = '003EX' LIMIT 1")));
        wm.verify(1, postRequestedFor(urlEqualTo(DATA + "/sobjects/OpportunityContactRole"))
                .withRequestBody(equalToJson("""
                        {"OpportunityId":"006C","ContactId":"003EX","IsPrimary":true}""")));
    }

    // -------------------------------------------------------------------------------------------------- tokens

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
        wm.stubFor(post(TOKEN).inScenario("token").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("issued")
                .willReturn(okJson(tokenJson("tok-old"))));
        wm.stubFor(post(TOKEN).inScenario("token").whenScenarioStateIs("issued")
                .willReturn(okJson(tokenJson("tok-new"))));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).withHeader("Authorization", equalTo("Bearer tok-old"))
                .willReturn(jsonResponse("""
                        [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", 401)));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).withHeader("Authorization", equalTo("Bearer tok-new"))
                .willReturn(okJson("""
                        {"Id":"006O","Leadflow_Lead_Id__c":"%s","StageName":"Prospecting","IsClosed":false,
                         "IsWon":false,"Amount":null,"CloseDate":"2025-05-30","Loss_Reason__c":null,
                         "SystemModstamp":"2025-03-01T09:00:00.000+0000"}""".formatted(LEAD))));
        wm.stubFor(get(urlPathEqualTo(DATA + "/query")).withHeader("Authorization", equalTo("Bearer tok-new"))
                .willReturn(okJson("""
                        {"totalSize":0,"done":true,"records":[]}""")));
        SalesforceConnector connector = connector();

        OpportunityChange found = connector.findOpportunity(LEAD, log).await().atMost(WAIT);
        connector.changesSince(Instant.parse("2025-03-01T00:00:00Z"), 10, log).await().atMost(WAIT);

        assertThat(found.opportunityId()).isEqualTo("006O");
        assertThat(count(postRequestedFor(urlEqualTo(TOKEN)))).isEqualTo(2);
        assertThat(calls).extracting(CallLog.CrmCall::operation, CallLog.CrmCall::status, CallLog.CrmCall::outcome)
                .containsExactly(
                        tuple("token", 200, "ok"),
                        tuple("opportunity.find", 401, "unauthorized"),
                        tuple("token", 200, "ok"),
                        tuple("opportunity.find", 200, "ok"),
                        tuple("opportunity.changes", 200, "ok"));
        assertThat(calls.get(1).error()).isEqualTo("INVALID_SESSION_ID: Session expired or invalid");
    }

    @Test
    void concurrentCallersShareOneTokenFetchAndOneRefresh() {
        wm.stubFor(post(TOKEN).inScenario("token").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("issued")
                .willReturn(okJson(tokenJson("tok-old")).withFixedDelay(300)));
        wm.stubFor(post(TOKEN).inScenario("token").whenScenarioStateIs("issued")
                .willReturn(okJson(tokenJson("tok-new")).withFixedDelay(300)));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).withHeader("Authorization", equalTo("Bearer tok-old"))
                .willReturn(jsonResponse("""
                        [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", 401)));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).withHeader("Authorization", equalTo("Bearer tok-new"))
                .willReturn(jsonResponse(NOT_FOUND, 404)));
        SalesforceConnector connector = connector();

        List<OpportunityChange> results = Uni.join().all(
                        IntStream.range(0, 6)
                                .mapToObj(i -> connector.findOpportunity(LEAD, log)).toList())
                .andFailFast().await().atMost(WAIT);

        assertThat(results).hasSize(6).containsOnlyNulls();
        assertThat(count(postRequestedFor(urlEqualTo(TOKEN)))).isEqualTo(2);
    }

    @Test
    void aTokenEndpointRefusingTheClientIsUnauthorized() {
        wm.stubFor(post(TOKEN).willReturn(jsonResponse("""
                {"error":"invalid_client","error_description":"invalid client credentials"}""", 400)));

        CrmException e = failure(connector().convert(conversion(null, null, null), log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("invalid_client: invalid client credentials");
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("token");
            assertThat(call.outcome()).isEqualTo("unauthorized");
            assertThat(call.error()).isEqualTo("invalid_client: invalid client credentials");
        });
        assertThat(count(anyRequestedFor(urlPathEqualTo(ACCOUNT_KEY)))).isZero();
    }

    @Test
    void a401WithTheFreshTokenIsUnauthorized() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", 401)));

        CrmException e = failure(connector().findOpportunity(LEAD, log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.UNAUTHORIZED);
        assertThat(e.retryable()).isTrue();
        assertThat(count(postRequestedFor(urlEqualTo(TOKEN)))).isEqualTo(2);
        assertThat(count(getRequestedFor(urlPathEqualTo(OPPORTUNITY_KEY)))).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------- failures

    @Test
    void a429IsRateLimitedWithSalesforcesRetryAfter() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "12").withHeader("Content-Type", "application/json")
                .withBody("""
                        [{"message":"Too many requests","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""")));

        CrmException e = failure(connector().findOpportunity(LEAD, log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(calls.get(1).outcome()).isEqualTo("rate_limited");
    }

    @Test
    void theDailyApiLimit403IsRateLimitedWithoutRetryAfter() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                [{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", 403)));

        CrmException e = failure(connector().findOpportunity(LEAD, log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void a5xxIsTransient() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(aResponse().withStatus(503)
                .withBody("<html>Service Unavailable</html>")));

        CrmException e = failure(connector().convert(conversion(null, null, null), log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(e.status()).isEqualTo(503);
        assertThat(calls.get(1)).extracting(CallLog.CrmCall::operation, CallLog.CrmCall::outcome,
                CallLog.CrmCall::error)
                .containsExactly("account.find", "transient", "<html>Service Unavailable</html>");
    }

    @Test
    void noAnswerWithinTheTimeoutIsTransient() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)
                .withFixedDelay(3_000)));

        CrmException e = failure(connector(settings().withTimeout(Duration.ofSeconds(1))).findOpportunity(LEAD, log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.TRANSIENT);
        assertThat(e.status()).isZero();
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(calls.get(1)).extracting(CallLog.CrmCall::status, CallLog.CrmCall::outcome).containsExactly(0,
                "transient");
        assertThat(calls.get(1).latencyMillis()).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void aValidationRuleIsRejectedNamingTheCodeTheFieldAndTheMessage() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(okJson("""
                {"Id":"001EX","OwnerId":"005ACC","Name":"Acme","Website":"acme.com"}""")));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(okJson("""
                {"Id":"003EX","AccountId":"001EX","Email":"jane@acme.com","FirstName":"Jane","LastName":"Doe",
                 "Title":"CTO","Phone":"+44 20 7946 0000"}""")));
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                [{"message":"Amount must be at least 15000 for inbound deals",
                  "errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":["Amount"]}]""", 400)));

        CrmException e = failure(connector().convert(conversion(null, null, null), log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("opportunity.upsert",
                "FIELD_CUSTOM_VALIDATION_EXCEPTION [Amount]: Amount must be at least 15000 for inbound deals");
        assertThat(calls.get(calls.size() - 1)).extracting(CallLog.CrmCall::outcome, CallLog.CrmCall::error)
                .containsExactly("rejected",
                        "FIELD_CUSTOM_VALIDATION_EXCEPTION [Amount]: Amount must be at least 15000 for inbound deals");
        assertThat(count(postRequestedFor(urlPathEqualTo(DATA + "/sobjects/OpportunityContactRole")))).isZero();
    }

    @Test
    void anUpsertAnswering404IsRejectedWithSalesforcesTopLevelDomainCaveat() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(ACCOUNT_KEY)).willReturn(okJson("""
                {"Id":"001EX","OwnerId":"005ACC","Name":"Acme","Website":"acme.com"}""")));
        wm.stubFor(get(urlPathEqualTo(CONTACT_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));
        wm.stubFor(patch(urlPathEqualTo(CONTACT_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));

        CrmException e = failure(connector().convert(conversion(null, null, null), log));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("contact.upsert", "NOT_FOUND", "top-level domains");
    }

    @Test
    void aLockedRowIsTransient() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse("""
                [{"message":"unable to obtain exclusive access to this record","errorCode":"UNABLE_TO_LOCK_ROW",
                  "fields":[]}]""", 400)));

        assertThat(failure(connector().findOpportunity(LEAD, log)).kind()).isEqualTo(CrmException.Kind.TRANSIENT);
    }

    // ------------------------------------------------------------------------------------- changes and lookups

    @Test
    void changesSinceQueriesByModstampAndMapsWonLostAndOpenDeals() {
        stubToken();
        UUID won = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        wm.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(okJson("""
                {"totalSize":4,"done":true,"records":[
                 {"attributes":{"type":"Opportunity","url":"/services/data/v61.0/sobjects/Opportunity/006W"},
                  "Id":"006W","Leadflow_Lead_Id__c":"%s","StageName":"Closed Won","IsClosed":true,"IsWon":true,
                  "Amount":48000.0,"CloseDate":"2025-02-28","Loss_Reason__c":null,
                  "SystemModstamp":"2025-03-01T10:15:30.000+0000"},
                 {"attributes":{"type":"Opportunity"},
                  "Id":"006L","Leadflow_Lead_Id__c":"%s","StageName":"Closed Lost","IsClosed":true,"IsWon":false,
                  "Amount":null,"CloseDate":"2025-03-01","Loss_Reason__c":"Chose a competitor",
                  "SystemModstamp":"2025-03-01T10:16:00.250+0000"},
                 {"attributes":{"type":"Opportunity"},
                  "Id":"006X","Leadflow_Lead_Id__c":"typed by hand","StageName":"Prospecting","IsClosed":false,
                  "IsWon":false,"Amount":null,"CloseDate":"2025-06-01","Loss_Reason__c":null,
                  "SystemModstamp":"2025-03-01T10:16:30.000+0000"},
                 {"attributes":{"type":"Opportunity"},
                  "Id":"006P","Leadflow_Lead_Id__c":"%s","StageName":"Negotiation/Review","IsClosed":false,
                  "IsWon":false,"Amount":1500.25,"CloseDate":"2025-05-30","Loss_Reason__c":null,
                  "SystemModstamp":"2025-03-01T10:17:00.000+0000"}]}""".formatted(won, lost, open))));

        ChangePage page = connector().changesSince(Instant.parse("2025-03-01T10:00:00.120Z"), 50, log)
                .await().atMost(WAIT);

        ServeEvent query = wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(DATA + "/query")).findFirst().orElseThrow();
        assertThat(query.getRequest().queryParameter("q").firstValue()).isEqualTo("SELECT Id, Leadflow_Lead_Id__c, "
                + "StageName, IsClosed, IsWon, Amount, CloseDate, Loss_Reason__c, SystemModstamp FROM Opportunity "
                + "WHERE SystemModstamp > 2025-03-01T10:00:00.120Z AND Leadflow_Lead_Id__c != null "
                + "ORDER BY SystemModstamp ASC LIMIT 50");
        assertThat(query.getRequest().getUrl()).doesNotContain("+").doesNotContain(" ");
        assertThat(page.changes()).containsExactly(
                new OpportunityChange(won, "006W", "Closed Won", true, true, new BigDecimal("48000.0"), null,
                        LocalDate.of(2025, 2, 28), Instant.parse("2025-03-01T10:15:30Z")),
                new OpportunityChange(lost, "006L", "Closed Lost", true, false, null, "Chose a competitor",
                        LocalDate.of(2025, 3, 1), Instant.parse("2025-03-01T10:16:00.250Z")),
                new OpportunityChange(open, "006P", "Negotiation/Review", false, false, new BigDecimal("1500.25"),
                        null, LocalDate.of(2025, 5, 30), Instant.parse("2025-03-01T10:17:00Z")));
        assertThat(page.nextSince()).isEqualTo(Instant.parse("2025-03-01T10:17:00Z"));
    }

    @Test
    void aFullPageLeavesItsLastMillisecondForTheNextPollAndAnEmptyOneKeepsTheCursor() {
        stubToken();
        String record = """
                {"Id":"%s","Leadflow_Lead_Id__c":"%s","StageName":"Prospecting","IsClosed":false,"IsWon":false,
                 "Amount":null,"CloseDate":"2025-05-30","Loss_Reason__c":null,"SystemModstamp":"%s"}""";
        wm.stubFor(get(urlPathEqualTo(DATA + "/query")).withQueryParam("q", containing("LIMIT 3"))
                .willReturn(okJson("{\"totalSize\":3,\"done\":true,\"records\":["
                        + record.formatted("006A", UUID.randomUUID(), "2025-03-01T10:00:00.000+0000") + ","
                        + record.formatted("006B", UUID.randomUUID(), "2025-03-01T10:05:00.000+0000") + ","
                        + record.formatted("006C", UUID.randomUUID(), "2025-03-01T10:05:00.000+0000") + "]}")));
        wm.stubFor(get(urlPathEqualTo(DATA + "/query")).withQueryParam("q", containing("LIMIT 10"))
                .willReturn(okJson("""
                        {"totalSize":0,"done":true,"records":[]}""")));
        Instant since = Instant.parse("2025-03-01T09:00:00Z");

        ChangePage full = connector().changesSince(since, 3, log).await().atMost(WAIT);
        ChangePage empty = connector().changesSince(since, 10, log).await().atMost(WAIT);

        assertThat(full.changes()).extracting(OpportunityChange::opportunityId).containsExactly("006A");
        assertThat(full.nextSince()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.nextSince()).isEqualTo(since);
    }

    @Test
    void findOpportunityIsNullWhenSalesforceHasNone() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(OPPORTUNITY_KEY)).willReturn(jsonResponse(NOT_FOUND, 404)));

        assertThat(connector().findOpportunity(LEAD, log).await().atMost(WAIT)).isNull();
        assertThat(calls.get(1)).extracting(CallLog.CrmCall::status, CallLog.CrmCall::outcome)
                .containsExactly(404, "ok");
    }

    @Test
    void theLifecycleIsWrittenOnlyWhenMappedAndOnlyForward() {
        assertThat(connector().updateLifecycle("003EX", "customer", log).await().atMost(WAIT)).isNull();
        assertThat(wm.getAllServeEvents()).isEmpty();

        stubToken();
        wm.stubFor(get(urlEqualTo(DATA + "/sobjects/Contact/003EX?fields=Lifecycle_Stage__c")).willReturn(okJson("""
                {"attributes":{"type":"Contact"},"Lifecycle_Stage__c":"opportunity","Id":"003EX"}""")));
        wm.stubFor(patch(urlEqualTo(DATA + "/sobjects/Contact/003EX")).willReturn(aResponse().withStatus(204)));
        SalesforceConnector mapped = new SalesforceConnector(settings(),
                SalesforceConnector.DEFAULT_FIELDS.withOverrides(Map.of("contact.lifecycle", "Lifecycle_Stage__c")),
                FieldOwnership.crmOwnsAll());

        mapped.updateLifecycle("003EX", "salesqualifiedlead", log).await().atMost(WAIT);
        mapped.updateLifecycle("003EX", "customer", log).await().atMost(WAIT);

        wm.verify(1, patchRequestedFor(urlEqualTo(DATA + "/sobjects/Contact/003EX"))
                .withRequestBody(equalToJson("""
                        {"Lifecycle_Stage__c":"customer"}""")));
    }

    @Test
    void aFieldMappingNamingAnotherKeyThanTheSettingsIsRefused() {
        assertThatThrownBy(() -> new SalesforceConnector(settings(),
                SalesforceConnector.DEFAULT_FIELDS.withOverrides(Map.of("opportunity.leadId", "Lead_Key__c")),
                FieldOwnership.crmOwnsAll()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opportunity.leadId=Lead_Key__c")
                .hasMessageContaining("Leadflow_Lead_Id__c");
        assertThat(new SalesforceConnector(settings(), SalesforceConnector.DEFAULT_FIELDS,
                FieldOwnership.crmOwnsAll()).kind()).isEqualTo("salesforce");
        assertThat(settings().toString()).doesNotContain("s3cr");
        assertThat(count(anyRequestedFor(anyUrl()))).isZero();
    }
}
