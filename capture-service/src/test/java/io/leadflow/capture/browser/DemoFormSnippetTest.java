package io.leadflow.capture.browser;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import io.leadflow.messaging.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page in a real headless Chromium: a person fills the form, the snippet posts it with the
 * page's attribution, and the lead is captured (a LeadCaptured row in the outbox) or its errors are
 * shown next to the fields.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class DemoFormSnippetTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Pool db;

    @Inject
    ObjectMapper mapper;

    @Inject
    CaptureConfig config;

    private static String noBrowser;

    @BeforeAll
    static void startBrowser() {
        try {
            browser = HeadlessChromium.start();
        } catch (HeadlessChromium.Missing missing) {
            noBrowser = missing.getMessage();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void newVisitor() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(browser != null, () -> noBrowser);
        // Every test is a browser that never saw the site: no first touch, visitor id or first-seen time.
        browser.get(root.toURI().resolve("/thank-you.html").toString());
        browser.executeScript("localStorage.clear()");
    }

    @Test
    void aLeadFilledInTheDemoFormIsCapturedWithItsUtmSourcePageAndVisitor() throws Exception {
        String page = root.toURI().resolve("/demo.html?utm_source=linkedin&utm_medium=paid-social&utm_campaign=q4-launch").toString();
        browser.get(page);
        String email = "ada-" + UUID.randomUUID() + "@acme-robotics.com";
        fill(email);

        submitWhenAPersonCould();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("form[data-leadflow] [data-leadflow-status]"), "Thank you! Your request reached our team"));

        List<Map<String, Object>> events = events();
        assertThat(events).hasSize(1).first().satisfies(e -> assertThat(e).containsEntry("type", "leadflow:success"));
        String leadId = (String) events.get(0).get("leadId");
        assertThat(browser.findElement(By.name("lf_hp")).getDomProperty("value")).isEmpty();

        // Spam (a filled honeypot, a form sent too fast) is never announced: the event proves it was taken for a person's.
        List<Row> outbox = rows("select payload::text as payload from outbox where type = 'LeadCaptured' and aggregateid = $1", leadId);
        assertThat(outbox).hasSize(1);
        JsonNode lead = mapper.readTree(outbox.get(0).getString("payload"));
        assertThat(lead.get("email").asText()).isEqualTo(email);
        assertThat(lead.get("formId").asText()).isEqualTo("demo");
        assertThat(lead.at("/utm/source").asText()).isEqualTo("linkedin");
        assertThat(lead.at("/utm/medium").asText()).isEqualTo("paid-social");
        assertThat(lead.at("/utm/campaign").asText()).isEqualTo("q4-launch");
        assertThat(lead.get("pageUrl").asText()).isEqualTo(page);
        assertThat(lead.get("phone").asText()).isEqualTo("+442079460958");
        assertThat(lead.get("country").asText()).isEqualTo("GB");
        assertThat(lead.get("state").asText()).isEqualTo("Greater London");
        assertThat(lead.get("website").asText()).isEqualTo("https://www.acme-robotics.com/uk");
        assertThat(lead.get("industry").isNull()).as("the demo form does not ask").isTrue();
        assertThat(lead.at("/consent/marketing").asBoolean()).isTrue();
        assertThat(lead.at("/consent/version").asText()).isEqualTo("2026-01");
        assertThat(lead.at("/consent/text").asText()).startsWith("I agree to receive news");
        assertThat(lead.get("visitorId").asText()).matches("[A-Za-z0-9_-]{8,64}")
                .isEqualTo(browser.executeScript("return Leadflow.visitorId"));
        assertThat(lead.get("firstSeenAt").asText()).isNotBlank();

        // The page view the snippet sent on load (a beacon) belongs to the lead: linked by the submission, or at once.
        org.awaitility.Awaitility.await().atMost(DEADLINE).untilAsserted(() -> assertThat(rows(
                        "select type, url, form_id from engagement where visitor_id = $1 and lead_id = $2",
                        lead.get("visitorId").asText(), UUID.fromString(leadId)))
                .singleElement().satisfies(view -> {
                    assertThat(view.getString("type")).isEqualTo("page_view");
                    assertThat(view.getString("url")).isEqualTo(page);
                    assertThat(view.getString("form_id")).isEqualTo("demo");
                }));
    }

    @Test
    void anInvalidEmailIsShownNextToItsInputAndNothingIsCapturedUntilItIsFixed() throws Exception {
        browser.get(root.toURI().resolve("/demo.html?utm_source=newsletter").toString());
        String local = "grace-" + UUID.randomUUID();
        // The browser's own check accepts a domain without a dot; capture-service does not.
        fill(local + "@acme");

        submitWhenAPersonCould();
        WebElement error = new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-leadflow-error='email']")));

        WebElement input = browser.findElement(By.name("email"));
        assertThat(error.getText()).contains("not a valid domain name");
        assertThat((Object) browser.executeScript("return arguments[0].nextElementSibling", input)).isEqualTo(error);
        assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getDomAttribute("aria-describedby")).contains(error.getDomAttribute("id"));
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("type", "leadflow:error");
            assertThat(((Number) e.get("status")).intValue()).isEqualTo(400);
        });
        assertThat(rows("select 1 from outbox where type = 'LeadCaptured' and payload->>'email' like $1", local + "@%")).isEmpty();

        input.clear();
        input.sendKeys(local + "@acme-robotics.com");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-leadflow-status]"), "Thank you!"));
        assertThat(input.getDomAttribute("aria-invalid")).isNull();
        assertThat(error.isDisplayed()).isFalse();
        assertThat(rows("select payload->'utm'->>'source' as source from outbox where type = 'LeadCaptured' and payload->>'email' = $1",
                local + "@acme-robotics.com")).singleElement().satisfies(row -> assertThat(row.getString("source")).isEqualTo("newsletter"));
    }

    @Test
    void aPageOnAnotherOriginPostsToTheScriptsServerAndKeepsTheFirstTouchAcrossPages() throws Exception {
        // The marketer's site is http://localhost:<port>; the snippet and the API are served from 127.0.0.1.
        // Only a configured form lets another origin post and read the answer (CORS).
        String site = root.toURI().resolve("/thank-you.html").toString();
        String captureOrigin = "http://127.0.0.1:" + root.getPort();
        io.restassured.RestAssured.given().auth().oauth2(io.leadflow.localstack.TestTokens.revops())
                .contentType("application/json")
                .body("{\"name\":\"Partner site\",\"allowedOrigins\":[\"http://localhost:" + root.getPort() + "\"]}")
                .when().put("/api/v1/admin/forms/partner-site").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        browser.get(site + "?utm_source=partner-newsletter&utm_campaign=spring");
        embedSnippet(captureOrigin);
        browser.get(site);
        embedSnippet(captureOrigin);
        assertThat(browser.executeScript("return Leadflow.apiUrl('partner-site')"))
                .isEqualTo(captureOrigin + "/api/v1/forms/partner-site/submissions");

        String email = "linus-" + UUID.randomUUID() + "@acme-robotics.com";
        browser.findElement(By.name("email")).sendKeys(email);
        submitWhenAPersonCould();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-leadflow-status]"), "Thank you!"));

        List<Row> outbox = rows("select payload::text as payload from outbox where type = 'LeadCaptured' and payload->>'email' = $1", email);
        assertThat(outbox).hasSize(1);
        JsonNode lead = mapper.readTree(outbox.get(0).getString("payload"));
        assertThat(lead.get("formId").asText()).isEqualTo("partner-site");
        assertThat(lead.get("pageUrl").asText()).isEqualTo(site);
        assertThat(lead.at("/utm/source").asText()).isEqualTo("partner-newsletter");
        assertThat(lead.at("/utm/campaign").asText()).isEqualTo("spring");
    }

    /** What a marketer pastes into a page: a form and the script tag pointing at capture-service. */
    private void embedSnippet(String captureOrigin) {
        browser.executeScript("""
                document.body.insertAdjacentHTML('beforeend',
                    '<form data-leadflow><input name="email" type="email" required><button type="submit">Send</button></form>');
                const script = document.createElement('script');
                script.src = arguments[0] + '/leadflow.js';
                script.dataset.formId = 'partner-site';
                document.head.appendChild(script);""", captureOrigin);
        new WebDriverWait(browser, DEADLINE).until(d -> browser.executeScript(
                "return document.querySelector('form[data-leadflow]').dataset.leadflowRenderedAt") != null);
    }

    private void fill(String email) {
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("firstName")).sendKeys("Ada");
        browser.findElement(By.name("lastName")).sendKeys("Lovelace");
        browser.findElement(By.name("company")).sendKeys("Acme Robotics");
        browser.findElement(By.name("jobTitle")).sendKeys("VP Sales");
        browser.findElement(By.name("website")).sendKeys("https://www.acme-robotics.com/uk");
        browser.findElement(By.name("phone")).sendKeys("020 7946 0958");
        new Select(browser.findElement(By.name("country"))).selectByValue("GB");
        browser.findElement(By.name("state")).sendKeys("Greater London");
        browser.findElement(By.name("message")).sendKeys("We need routing for 40 SDRs.");
        browser.findElement(By.name("consent")).click();
        // Record what the page tells a marketer's analytics.
        browser.executeScript("""
                window.leadflowEvents = [];
                for (const type of ['leadflow:success', 'leadflow:error']) {
                  document.addEventListener(type, e => leadflowEvents.push(Object.assign({ type }, e.detail)));
                }""");
    }

    /**
     * A form sent sooner than the bot trap's minimum fill time after it was shown is silently taken for a
     * bot's: wait until the form, by its own rendered-at time, is as old as a person's would be, then send it.
     */
    private void submitWhenAPersonCould() {
        long minFillMillis = config.spam().minFillTime().toMillis();
        new WebDriverWait(browser, DEADLINE.plus(config.spam().minFillTime())).until(d -> ((Number) browser.executeScript(
                "return Date.now() - Date.parse(document.querySelector('form[data-leadflow]').dataset.leadflowRenderedAt)"))
                .longValue() > minFillMillis);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) browser.executeScript("return leadflowEvents");
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }
}
