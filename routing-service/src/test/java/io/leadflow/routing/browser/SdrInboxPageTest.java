package io.leadflow.routing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.HeadlessChromium;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDR inbox in a real browser: a lead assigned while the page is open appears without a reload (LeadAssigned
 * relayed from the outbox through Kafka to the page's stream), and the SDR accepts it, logs a touch and sends it
 * back to nurture from the page; another lead is qualified with MEDDIC through the page's template form.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrInboxPageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static ChromeDriver browser;
    private static String noBrowser;

    @TestHTTPResource("/")
    URL root;
    @Inject
    RoutingService routing;
    @Inject
    Pool db;

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

    /** Opens the SDR's inbox as a new page (a URL differing only in its fragment would not reload the page). */
    private void openInbox(String sdr) {
        browser.get("about:blank");
        browser.get(root.toString() + "inbox.html#token=" + TestTokens.sdr(sdr));
    }

    private WebElement card(UUID leadId) {
        return new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article[data-lead-id='" + leadId + "']")));
    }

    private void awaitCardText(UUID leadId, String text) {
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("article[data-lead-id='" + leadId + "']"), text));
    }

    private void clickInCard(UUID leadId, String label) {
        card(leadId).findElements(By.tagName("button")).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' on the card")).click();
    }

    private long events(UUID leadId, String type) {
        return RoutingFixtures.rows(db, "select count(*) from outbox where aggregateid = $1 and type = $2",
                leadId.toString(), type).get(0).getLong(0);
    }

    @Test
    void aLeadAssignedWhileThePageIsOpenAppearsLiveAndIsWorkedFromThePage() {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
        String sdr = "sdr-page-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Page Tester', 'page.tester@leadflow.io')", sdr);

        openInbox(sdr);
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeContains(By.id("status"), "class", "live"));
        assertThat(browser.findElements(By.cssSelector("article[data-lead-id]"))).isEmpty();

        UUID lead = RoutingFixtures.leadOf(routing, db, sdr); // no reload from here on
        awaitCardText(lead, "Ada Lovelace");
        awaitCardText(lead, "assigned");

        clickInCard(lead, "Accept");
        awaitCardText(lead, "accepted");

        clickInCard(lead, "Log touch");
        WebElement touch = card(lead).findElement(By.cssSelector("form[data-action='touches']"));
        new Select(touch.findElement(By.name("channel"))).selectByValue("call");
        new Select(touch.findElement(By.name("outcome"))).selectByValue("connected");
        touch.findElement(By.name("note")).sendKeys("Evaluating tools this quarter");
        touch.findElement(By.cssSelector("button[type='submit']")).click();
        awaitCardText(lead, "1 touch");

        clickInCard(lead, "Send to nurture");
        WebElement nurture = card(lead).findElement(By.cssSelector("form[data-action='nurture']"));
        new Select(nurture.findElement(By.name("reason"))).selectByValue("bad_timing");
        nurture.findElement(By.cssSelector("button[type='submit']")).click();
        awaitCardText(lead, "nurtured: bad timing");

        assertThat(List.of(events(lead, "LeadAccepted"), events(lead, "LeadTouched"), events(lead, "LeadNurtured")))
                .containsExactly(1L, 1L, 1L);
        assertThat(card(lead).findElements(By.tagName("button"))).extracting(WebElement::getText)
                .doesNotContain("Accept", "Send to nurture", "Disqualify", "Log touch");
    }

    @Test
    void anSdrQualifiesALeadWithMeddicThroughTheTemplateForm() throws Exception {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
        String sdr = "sdr-page-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Page Tester', 'page.tester@leadflow.io')", sdr);
        UUID lead = RoutingFixtures.leadOf(routing, db, sdr);

        openInbox(sdr);
        awaitCardText(lead, "assigned");
        clickInCard(lead, "Accept");
        awaitCardText(lead, "accepted");

        // The form opens with the default template (BANT) and offers the others.
        clickInCard(lead, "Qualify");
        WebElement form = new WebDriverWait(browser, DEADLINE).until(driver -> card(lead).findElement(
                By.cssSelector("form[data-action='qualify']")));
        Select framework = new Select(form.findElement(By.name("framework")));
        assertThat(framework.getFirstSelectedOption().getAttribute("value")).isEqualTo("bant");
        assertThat(framework.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("bant", "meddic", "champ");
        assertThat(form.findElements(By.name("answers.budget"))).hasSize(1);

        framework.selectByValue("meddic");
        assertThat(form.findElements(By.name("answers.budget"))).isEmpty();
        assertThat(form.getText()).contains("Economic buyer", "Decision process (optional)",
                "Who inside sells for us when we are not in the room, and why.");
        form.findElement(By.name("answers.metrics")).sendKeys("Response time from 1 day to 5 minutes");
        form.findElement(By.name("answers.economicBuyer")).sendKeys("CFO Grace Hopper");
        form.findElement(By.name("answers.decisionCriteria")).sendKeys("Salesforce sync, price per seat");
        form.findElement(By.name("answers.identifyPain")).sendKeys("Leads go cold overnight");
        form.findElement(By.name("answers.champion")).sendKeys("Ada, VP Sales");
        form.findElement(By.name("notes")).sendKeys("Security review in January");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article[data-lead-id='" + lead + "'] .chip.QUALIFIED")));

        List<String> payloads = RoutingFixtures.rows(db, "select payload::text from outbox where aggregateid = $1 "
                + "and type = 'LeadQualified'", lead.toString()).stream().map(row -> row.getString(0)).toList();
        assertThat(payloads).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(payloads.get(0));
        assertThat(event.at("/qualification/framework").asText()).isEqualTo("meddic");
        assertThat(event.at("/qualification/answers/champion").asText()).isEqualTo("Ada, VP Sales");
        assertThat(event.at("/qualification/answers/economicBuyer").asText()).isEqualTo("CFO Grace Hopper");
        assertThat(event.at("/qualification/answers").has("decisionProcess")).isFalse();
        assertThat(event.get("notes").asText()).isEqualTo("Security review in January");
        assertThat(card(lead).findElements(By.tagName("button"))).extracting(WebElement::getText).doesNotContain("Qualify");
    }
}
