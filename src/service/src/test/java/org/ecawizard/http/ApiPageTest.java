package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API documentation page in a real browser: it writes out the OpenAPI document the service serves, every
 * operation and every object, with nothing from elsewhere, and axe-core finds nothing wrong with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eca.rules.watch=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiPageTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyOperationAndObjectOfTheServedDocumentIsWrittenOut() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/api.html");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("api")).isDisplayed());

        List<String> operations = browser.findElements(By.cssSelector("#operations h3")).stream()
                .map(WebElement::getText).toList();
        assertThat(operations).containsExactlyInAnyOrder("POST /api/recommendations", "POST /api/certificate-checks",
                "GET /api/ruleset", "GET /api/agencies");
        assertThat(browser.findElements(By.cssSelector("#toc a"))).hasSize(4);
        String checkObject = browser.findElement(By.id("schema-CertificateCheck")).findElement(By.xpath(".."))
                .getText();
        assertThat(checkObject).contains("issuingCa", "root", "verdict");
        // The answers' examples are real answers of the rules in service.
        assertThat(browser.findElement(By.id("operations")).getText()).contains("Answer (200) example:");
        // A type that names an object links to it.
        assertThat(browser.findElement(By.cssSelector("#operations a[href='#schema-Recommendation']")).getText())
                .isEqualTo("Recommendation");
        assertThat(browser.getTitle()).isEqualTo("ECA Wizard API");

        assertThat(Browser.axeViolations(browser)).isEqualTo("[]");
        Browser.screenshot(browser, "api-page");
    }
}
