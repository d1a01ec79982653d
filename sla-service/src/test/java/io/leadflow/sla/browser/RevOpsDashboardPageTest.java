package io.leadflow.sla.browser;

import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.HeadlessChromium;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RevOps dashboard in a real browser against the real service: a lead the test lets breach shows up in the
 * breach table without a reload, its trace opens in the side panel with the BREACHED clock, the lag tiles show the
 * {@code sla} consumer group with its sparkline; a screenshot is kept in {@code target/}. An SDR's token is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class RevOpsDashboardPageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    private static final Path TRACE_SCREENSHOT = Path.of("target", "dashboard-trace-screenshot.png");
    private static final Path KPI_SCREENSHOT = Path.of("target", "dashboard-kpi-screenshot.png");

    private static ChromeDriver browser;
    private static String noBrowser;

    @TestHTTPResource("/")
    URL root;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

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

    /** Opens the dashboard as a new page (a URL differing only in its fragment would not reload it). */
    private void openDashboard(String token) {
        browser.get("about:blank");
        browser.get(root.toString() + "dashboard.html#token=" + token);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, DEADLINE);
    }

    /** A lead assigned under the test policy (10 s) with a capture time 20 s ago: its clock breaches on the next scan. */
    private String assignLateLead() {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String assigned = EventContracts.example("LeadAssigned")
                .replace("0193a5b0-0000-7000-8000-0000000000aa", leadId)
                .replace("0193a5b0-7c1e-7a11-8000-000000000004", eventId)
                .replace("2026-11-22T09:15:02.113Z", Instant.now().minusSeconds(20).toString());
        TopicProbe.send(bootstrap, "leads.routing.v1", leadId, eventId, "LeadAssigned", assigned);
        return leadId;
    }

    @Test
    void aBreachTheTestCausedAppearsLiveAndItsTraceOpensBesideTheLagOfTheSlaGroup() throws IOException {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
        openDashboard(TestTokens.revops());
        waiting().until(ExpectedConditions.attributeContains(By.id("status"), "class", "live"));

        String leadId = assignLateLead(); // no reload from here on
        By breachLink = By.cssSelector("#breach-rows a[data-lead-id='" + leadId + "']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(breachLink));

        By slaTile = By.cssSelector("#lag-tiles .tile[data-group='sla']");
        WebElement tile = waiting().until(ExpectedConditions.presenceOfElementLocated(slaTile));
        assertThat(tile.getText()).contains("sla", "records behind");
        // Two samples or more: the sparkline is a drawn line, with its axis labels.
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#lag-tiles .tile[data-group='sla'] svg path.line")));
        assertThat(browser.findElements(By.cssSelector("#lag-tiles svg text"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#dlq-tiles .tile"))).isNotEmpty();

        screenshot(SCREENSHOT, true);

        waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(breachLink).click();
            return true;
        });
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("trace")));
        WebElement breached = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#trace-clocks tr[data-state='BREACHED']")));
        assertThat(breached.getText()).contains("BREACHED", "first-touch", "sdr-1");
        assertThat(browser.findElement(By.id("trace-body")).getText()).contains("policy", "test");
        assertThat(browser.findElements(By.cssSelector("#trace-body input")))
                .extracting(input -> input.getAttribute("value")).contains(leadId);
        // The clocks' timeline: an SVG row for the breached clock with its bars and the breach marker.
        assertThat(browser.findElements(By.cssSelector("#trace-body svg g.clock[data-state='BREACHED'] rect"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#trace-body svg circle.breach"))).hasSize(1);

        screenshot(TRACE_SCREENSHOT, false);
    }

    @Test
    void anSdrTokenGetsTheTokenRefusedBanner() {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
        openDashboard(TestTokens.sdr("sdr-1"));
        WebElement banner = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        waiting().until(ExpectedConditions.textToBePresentInElement(banner, "refused"));
        assertThat(banner.getText().toLowerCase()).contains("token refused");
        assertThat(browser.findElement(By.id("breach-rows")).getText()).contains("token refused");
    }

    /**
     * The KPI endpoints' documented answers, served to the page by a fetch stub installed before its scripts run: the
     * charts are checked against the contract whether or not this service has the KPI read model yet.
     */
    private static final String KPI_STUB = """
            const answers = {
              speed: {from: "2026-12", to: "2026-12", by: "source", measuredAt: "2026-12-01T10:00:00Z",
                groups: [{key: "google", leads: 1200, assigned: {count: 1190, p50: 2.1, p90: 5.5, p99: 30},
                          firstTouch: {count: 900, p50: 240, p90: 1800, p99: 7200}, sla: {met: 846, breached: 54, attainment: 0.94}},
                         {key: "webinar", leads: 300, assigned: {count: 290, p50: 3, p90: 9, p99: 60},
                          firstTouch: {count: 200, p50: 3600, p90: 20000, p99: 80000}, sla: {met: 120, breached: 80, attainment: 0.6}}],
                histogram: histogram()},
              funnel: {measuredAt: "2026-12-01T10:00:00Z", groups: [{key: "google", inquiries: 1200, mql: 640, sal: 410, sql: 220,
                opportunities: 90, won: 28, lost: 40, recycled: 75, wonAmount: 412000,
                rates: {inquiryToMql: 0.533, mqlToSal: 0.64, salToSql: 0.537, sqlToOpportunity: 0.409, opportunityToWon: 0.311},
                velocityDays: {inquiryToMql: 1.2, mqlToSal: 0.4, salToSql: 6.5, sqlToOpportunity: 9.1, opportunityToClose: 34}}]},
              fairness: {measuredAt: "2026-12-01T10:00:00Z", pools: [{pool: "enterprise-na", leads: 400, maxShareOverEven: 1.1,
                sdrs: [{sdrId: "sdr-1", leads: 110, share: 0.275}, {sdrId: "sdr-2", leads: 100, share: 0.25},
                       {sdrId: "sdr-3", leads: 98, share: 0.245}, {sdrId: "sdr-4", leads: 92, share: 0.23}]}]}
            };
            // The read model's buckets: up to 0.1 s x 1.25^i, 80 of them; assignments around 3 s, first touches around 10 min.
            function histogram() {
              const bounds = Array.from({length: 80}, (_, i) => 0.1 * 1.25 ** i);
              const bump = (centre, n) => bounds.map((b) => Math.round(n * Math.exp(-((Math.log(b / centre)) ** 2) / 2)));
              return {bounds, assigned: bump(3, 120), firstTouch: bump(600, 60)};
            }
            const realFetch = window.fetch.bind(window);
            window.fetch = (url, init) => {
              const kpi = String(url).match(/\\/api\\/v1\\/kpi\\/(speed|funnel|fairness)\\?/);
              return kpi ? Promise.resolve(new Response(JSON.stringify(answers[kpi[1]]),
                  {status: 200, headers: {"Content-Type": "application/json"}})) : realFetch(url, init);
            };
            """;

    @Test
    void theKpiChartsDrawTheDocumentedAnswers() {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
        Object stub = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", KPI_STUB))
                .get("identifier");
        try {
            openDashboard(TestTokens.revops());
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("speed-rows"), "94.0%"));
            assertThat(browser.findElement(By.id("speed-rows")).getText()).contains("google", "webinar", "4m", "30m", "60.0%");
            assertThat(browser.findElements(By.cssSelector("#speed-chart svg rect.s-firstTouch"))).hasSizeGreaterThan(10);
            assertThat(browser.findElements(By.cssSelector("#speed-chart svg rect.s-assigned"))).hasSizeGreaterThan(10);
            assertThat(browser.findElements(By.cssSelector("#speed-chart svg text.tick"))).hasSizeGreaterThanOrEqualTo(4);
            assertThat(browser.findElement(By.id("speed-chart")).getText()).contains("1m", "log scale");
            assertThat(browser.findElements(By.cssSelector("#funnel-chart svg rect.stage"))).hasSize(6);
            assertThat(browser.findElement(By.id("funnel-chart")).getText()).contains("Inquiries", "Won", "53.3%");
            assertThat(browser.findElements(By.cssSelector("#fairness-chart svg rect.share"))).hasSize(4);
            assertThat(browser.findElements(By.cssSelector("#fairness-chart svg line.even"))).hasSize(1);
            assertThat(browser.findElement(By.id("fairness-chart")).getText()).contains("enterprise-na", "even 25.0%");
            screenshot(KPI_SCREENSHOT, true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", stub));
        }
    }

    /** Saves the page as PNG: the whole page when asked (Chromium renders beyond the window), else the window. */
    private static void screenshot(Path file, boolean wholePage) throws IOException {
        byte[] png;
        if (wholePage) {
            Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
            Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            png = Base64.getDecoder().decode((String) shot.get("data"));
        } else {
            png = browser.getScreenshotAs(OutputType.BYTES);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }
}
