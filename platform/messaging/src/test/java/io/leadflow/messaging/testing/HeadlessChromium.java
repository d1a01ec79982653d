package io.leadflow.messaging.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless Chromium driven by its own chromedriver (one package pair, so they always match), for the
 * services' browser tests (capture's form snippet, routing's SDR inbox).
 * Nothing is downloaded: a machine without them fails the browser tests with the command that installs them.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        Path browser = Path.of(System.getProperty("leadflow.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("leadflow.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
            String missing = "The browser tests need Chromium and its driver at " + browser + " and " + driver
                    + ". Install them with: apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation"
                    + " (.ci/run does), or point -Dleadflow.chromium and -Dleadflow.chromedriver at your own.";
            // A machine with only a JDK still runs every other test; CI (LEADFLOW_BROWSER_TESTS=required) must run these.
            if ("required".equals(System.getenv("LEADFLOW_BROWSER_TESTS"))) {
                throw new IllegalStateException(missing);
            }
            throw new Missing(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: Chromium refuses to run as root (CI) otherwise; the rest keeps it off the network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Chromium is not installed here and the browser tests are not required: each test is skipped with the advice. */
    public static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }
}
