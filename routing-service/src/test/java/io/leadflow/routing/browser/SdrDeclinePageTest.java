package io.leadflow.routing.browser;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.HeadlessChromium;
import io.leadflow.routing.ReassignmentFixtures;
import io.leadflow.routing.ReassignmentFixtures.Team;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox page's Decline: the reason's problem shows on the form, and a declined lead leaves the page. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrDeclinePageTest {

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

    private By card(UUID leadId) {
        return By.cssSelector("article[data-lead-id='" + leadId + "']");
    }

    @Test
    void aDeclinedLeadLeavesTheInboxAndGoesToAnotherMember() {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
        Team team = ReassignmentFixtures.team(db, 2, false);
        browser.get(root.toString() + "inbox.html#token=" + TestTokens.sdr(team.members().get(0)));
        WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
        wait.until(ExpectedConditions.attributeContains(By.id("status"), "class", "live"));
        // Assigned while the page is live: the card arrives once, by the stream (no later re-render).
        UUID lead = ReassignmentFixtures.leadIn(routing, team);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card(lead), "assigned"));

        browser.findElement(card(lead)).findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().equals("Decline")).findFirst()
                .orElseThrow(() -> new AssertionError("no Decline button on the card")).click();
        WebElement form = browser.findElement(card(lead)).findElement(By.cssSelector("form[data-action='decline']"));

        // "other" needs a note: the server's problem names the field on the form, and the lead stays.
        new Select(form.findElement(By.name("reason"))).selectByValue("other");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card(lead), "is required when the reason is other"));

        form.findElement(By.name("note")).sendKeys("Moving to the partner team on Monday");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(card(lead)));

        assertThat(ReassignmentFixtures.holder(db, lead)).isEqualTo(team.members().get(1));
        assertThat(ReassignmentFixtures.reassignments(db, lead)).singleElement()
                .satisfies(event -> assertThat(event.get("note").asText()).isEqualTo("other: Moving to the partner team on Monday"));
    }
}
