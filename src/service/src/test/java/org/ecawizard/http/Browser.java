package org.ecawizard.http;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.ecawizard.BuildDirectory;
import org.ecawizard.RequiredTools;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium, driven through its chromedriver. Missing on a developer machine, the browser
 * tests are skipped with how to install it; missing in CI ({@code CI=true}), they fail.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = BuildDirectory.resolve("screenshots");

    private Browser() {
    }

    static WebDriver start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String install = "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": sudo apt-get install chromium chromium-driver";
        RequiredTools.require(installed, install);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags chromium keeps calling out, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as target/screenshots/NAME.png. */
    static Path screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /**
     * Runs axe-core's WCAG 2 and 2.1 A and AA rules, colour contrast included, on the page as it is.
     *
     * @return the violations as JSON, {@code []} when there are none
     */
    static String axeViolations(WebDriver browser) throws IOException {
        try (var axe = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            ((JavascriptExecutor) browser).executeScript(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(result => done(JSON.stringify(result.violations.map(v =>
                       v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))))
                   .catch(error => done('axe failed: ' + error));
                """);
    }
}
