package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ecawizard.engine.internal.certificates.TestCertificates;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The wizard page in a real browser, as a buyer uses it. The service runs on the shipped rules plus one
 * agency whose title is markup, which must show as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WizardPageTest {

    private static final String MARKUP_TITLE = "<img src=x onerror=\"document.title='pwned'\"> Markup <b>Portal</b>";
    private static final Path RULES = rulesWithAMarkupTitle();

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("eca.rules.dir", RULES::toString);
        registry.add("eca.rules.watch", () -> "false");
    }

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // The answer is re-rendered on every change; an element read mid-render is simply read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(RULES);
    }

    @BeforeEach
    void desktopSize() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void open(String pathAndQuery) {
        browser.get("http://127.0.0.1:" + port + pathAndQuery);
        wait.until(d -> !d.findElements(By.id("agency-CANES")).isEmpty());
    }

    private void tick(String code) {
        browser.findElement(By.id("agency-" + code)).click();
    }

    private static final String CONFLICT = "No single certificate reaches every selected application: buy ECA Medium"
            + " Assurance and ECA Medium Token Assurance together, each for the applications listed.";

    private String verdict(String expected) {
        wait.until(d -> d.findElements(By.cssSelector("#answer-body .verdict .headline")).stream()
                .anyMatch(v -> v.getText().equals(expected)));
        return browser.findElement(By.id("answer-body")).getText();
    }

    private List<String> types(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(e -> e.getAttribute("data-type")).toList();
    }

    @Test
    void seedExampleCanesAndJpasIsMediumTokenAndSaysWhy() throws IOException {
        open("/");
        tick("CANES");
        tick("JPAS");

        String answer = verdict("Buy one ECA Medium Token Assurance certificate.");

        assertThat(types("#answer-body .purchase li")).containsExactly("MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer).contains("ECA Medium Assurance: not accepted by Joint Personnel Adjudication System, as its"
                        + " source states.")
                .contains("ECA Medium Token Assurance | Hardware Storage", "$185 to $445", "notary public")
                .contains("was retired on 2021-03-31; DISS replaced it", "Source: https://www.dcsa.mil/is/diss/");
        assertThat(browser.findElement(By.cssSelector("label[for=agency-JPAS]")).getText())
                .contains("retired 2021-03-31", "Stated: accepts Medium Token; not Medium, Medium Hardware.");
        assertThat(browser.findElement(By.cssSelector("label[for=agency-CANES]")).getText())
                .contains("Stated: accepts Medium, Medium Token. Not stated: Medium Hardware.");
        assertThat(browser.findElement(By.cssSelector("label[for=agency-DISS]")).getText())
                .contains("Wizard's reading: not Medium. Not stated: Medium Token, Medium Hardware.");
        assertThat(browser.findElement(By.id("ruleset")).getText()).matches("Answered by ruleset [0-9a-f]{12}\\.");
        assertThat(browser.getCurrentUrl()).endsWith("?agencies=CANES%2CJPAS");
        Browser.screenshot(browser, "seed-example-desktop");
    }

    @Test
    void theUnlistedProgramDecidesWhichTypeToBuy() throws IOException {
        open("/");
        assertThat(browser.findElement(By.id("special-list")).getText()).contains("My Federal Program is not Listed");
        tick("NOT_LISTED");

        String answer = verdict("Ask your program which ECA type it takes, then buy that one: the wizard cannot know.");

        assertThat(types("#answer-body .possible li"))
                .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE");
        assertThat(types("#answer-body .purchase li")).isEmpty();
        assertThat(answer).contains("(the wizard's own reasoning)");
        Browser.screenshot(browser, "special-entry");
    }

    @Test
    void aPossibleTypeIsBoughtOnlyAfterTheSilentApplicationConfirmsIt() throws IOException {
        open("/");
        tick("WICAP");

        String answer = verdict("Buy one ECA Medium Assurance certificate once WICAP confirms that it accepts it.");

        assertThat(types("#answer-body .possible li"))
                .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE");
        assertThat(types("#answer-body .sure li")).isEmpty();
        assertThat(answer).contains("Before you pay, confirm with WICAP that it accepts ECA Medium Assurance");
        Browser.screenshot(browser, "possible-type");
    }

    @Test
    void aConflictOfStatedRejectionsNamesTheApplicationsAndWhatToBuyTogether() throws IOException {
        open("/");
        tick("JPAS");
        tick("SOFTWARE_ONLY");

        String answer = verdict(CONFLICT);

        assertThat(answer).contains("In conflict, as their sources state: Joint Personnel Adjudication System,"
                + " Hypothetical: Medium only.");
        assertThat(types("#answer-body .purchase li")).containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer).contains("ECA Medium Assurance: for Hypothetical: Medium only");
        Browser.screenshot(browser, "conflict");
    }

    @Test
    void aBuyerWhoIsNotAUsCitizenIsToldWhatIsOutOfReach() throws IOException {
        open("/");
        tick("DI2E");
        verdict("Buy one ECA Medium Assurance certificate once DI2E confirms that it accepts it.");
        browser.findElement(By.cssSelector("input[name=citizen][value=no]")).click();

        String answer = verdict("No ECA certificate you can get reaches the selected applications: see why for each.");

        assertThat(answer).contains("Out of your reach", "must indicate you are a U.S. Citizen");
        assertThat(types("#answer-body .purchase li")).isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("?agencies=DI2E&citizen=no");
        Browser.screenshot(browser, "out-of-reach");
    }

    @Test
    void aBuyerOutsideTheUsGetsTheNonUsProduct() throws IOException {
        open("/");
        tick("CANES");
        tick("JPAS");
        browser.findElement(By.cssSelector("input[name=residence][value=abroad]")).click();

        wait.until(d -> d.findElement(By.id("answer-body")).getText()
                .contains("ECA Medium Token Assurance | Hardware Storage | Non-U.S."));

        assertThat(browser.findElement(By.id("answer-body")).getText()).contains("consular officer",
                "Not every agency accepts Non-U.S. ECA certificates, and no source says whether CANES does");
        assertThat(browser.getCurrentUrl()).endsWith("?agencies=CANES%2CJPAS&residence=abroad");
        Browser.screenshot(browser, "outside-the-us");
    }

    @Test
    void everythingWorksWithTheKeyboardAlone() throws IOException {
        open("/");
        Actions keys = new Actions(browser);
        for (int i = 0; i < 5 && !"filter".equals(focused().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getAttribute("id")).isEqualTo("filter");

        keys.sendKeys("jpas").perform();
        wait.until(d -> d.findElement(By.id("filter-count")).getText().equals("1 of 24 applications shown"));
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("agency-JPAS");
        keys.sendKeys(Keys.SPACE).perform();
        for (int i = 0; i < 10 && !"radio".equals(focused().getAttribute("type")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        keys.sendKeys(Keys.ARROW_RIGHT).perform();

        wait.until(d -> d.findElement(By.id("answer-body")).getText()
                .contains("ECA Medium Token Assurance | Hardware Storage | Non-U.S."));
        assertThat(browser.findElement(By.id("agency-JPAS")).isSelected()).isTrue();
        Browser.screenshot(browser, "keyboard-only");
    }

    @Test
    void anAgencyTitleWithMarkupIsShownAsText() throws IOException {
        open("/");
        WebElement label = browser.findElement(By.cssSelector("label[for=agency-MARKUP] .title"));

        assertThat(label.getText()).isEqualTo(MARKUP_TITLE);
        assertThat(browser.findElements(By.cssSelector("#agency-list img, #agency-list b"))).isEmpty();
        tick("MARKUP");
        verdict("Buy one ECA Medium Assurance certificate.");
        assertThat(browser.getTitle()).isEqualTo("Which ECA certificate should I buy?");
        Browser.screenshot(browser, "markup-title-as-text");
    }

    @Test
    void aSharedLinkRestoresTheSelectionAndTheAnswer() throws IOException {
        open("/?agencies=CANES,JPAS&residence=abroad");

        verdict("Buy one ECA Medium Token Assurance certificate.");

        assertThat(browser.findElement(By.id("agency-CANES")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("agency-JPAS")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[name=residence][value=abroad]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("answer-body")).getText())
                .contains("ECA Medium Token Assurance | Hardware Storage | Non-U.S.");
        Browser.screenshot(browser, "shared-link");
    }

    @Test
    void theLayoutFitsA360PixelScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(360, 800));
        open("/?agencies=JPAS,SOFTWARE_ONLY");
        verdict(CONFLICT);

        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isZero();
        Browser.screenshot(browser, "conflict-360px-top");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('answer').scrollIntoView();");
        Browser.screenshot(browser, "conflict-360px-answer");
    }

    @Test
    void aCertificateTheBuyerHasIsCheckedAgainstTheSelection() throws IOException {
        open("/?agencies=CANES,JPAS");
        verdict("Buy one ECA Medium Token Assurance certificate.");
        String mediumCertificate = TestCertificates.pem(TestCertificates.PKI.leaf("1"));
        WebElement paste = browser.findElement(By.id("certificate-text"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", paste, mediumCertificate);
        browser.findElement(By.cssSelector("#certificate-form button[type=submit]")).click();

        wait.until(d -> !d.findElements(By.cssSelector("#certificate-result .verdict")).isEmpty());
        String result = browser.findElement(By.id("certificate-result")).getText();
        assertThat(browser.findElement(By.cssSelector("#certificate-result .verdict")).getAttribute("data-verdict"))
                .isEqualTo("misses");
        assertThat(result).contains("does not work for JPAS", "It is an ECA Medium Assurance certificate",
                "Consolidated Afloat Networks and Enterprise Services: CANES accepts ECA Medium Assurance, as its source"
                        + " states: \"accepts both DoD ECA Medium Assurance and DoD ECA Medium Token Assurance certificates\".",
                "Joint Personnel Adjudication System: The source of JPAS states it does not accept ECA Medium Assurance.",
                "To buy: ECA Medium Token Assurance.");
        assertThat(browser.findElement(By.cssSelector("#certificate-result li[data-agency=JPAS]")).getAttribute("class"))
                .isEqualTo("rejects");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('certificate-check').scrollIntoView();");
        Browser.screenshot(browser, "certificate-check");
    }

    @Test
    void aCertificateOffTheEcaPathIsToldItIsNoEcaCertificate() {
        Map<String, String> why = Map.of(
                TestCertificates.pem(TestCertificates.PKI.selfSigned("3")), "it is signed by itself",
                TestCertificates.pem(TestCertificates.PKI.leafOfUnknownCa("3")), "it was issued by Test Unknown Root");
        for (var certificate : why.entrySet()) {
            open("/?agencies=CANES,JPAS");
            verdict("Buy one ECA Medium Token Assurance certificate.");
            WebElement paste = browser.findElement(By.id("certificate-text"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", paste,
                    certificate.getKey());
            browser.findElement(By.cssSelector("#certificate-form button[type=submit]")).click();

            wait.until(d -> !d.findElements(By.cssSelector("#certificate-result .verdict")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#certificate-result .verdict"))
                    .getAttribute("data-verdict")).isEqualTo("not-eca");
            assertThat(browser.findElement(By.id("certificate-result")).getText()).contains(
                    "This is not an ECA certificate: " + certificate.getValue(), "To buy: ECA Medium Token Assurance.");
        }
    }

    /** axe-core's WCAG 2 A and AA rules, colour contrast included, find nothing on the page with an answer. */
    @Test
    void axeFindsNoWcagViolations() throws IOException {
        open("/?agencies=JPAS,SOFTWARE_ONLY,DOD_SAFE,WICAP,DISS&residence=abroad&citizen=no");
        verdict(CONFLICT);

        String violations = Browser.axeViolations(browser);
        System.out.println("axe-core WCAG 2.1 A/AA violations: " + violations);
        assertThat(violations).isEqualTo("[]");

        // The same check does see a violation when there is one: an image without a text alternative.
        ((JavascriptExecutor) browser).executeScript(
                "const img = document.createElement('img'); img.src = '/nothing.png'; document.body.append(img);");
        assertThat(Browser.axeViolations(browser)).contains("image-alt");
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private static Path rulesWithAMarkupTitle() {
        try {
            Path dir = Files.createTempDirectory("eca-rules-page-");
            ShippedRules.copyTo(dir);
            TestCertificates.PKI.installInto(dir);
            // A hypothetical application that rejects what JPAS accepts: today's sources force no conflict.
            Files.copy(Path.of("src/engine/src/test/resources/hypothetical/agencies/SOFTWARE_ONLY.drl"),
                    dir.resolve("agencies/SOFTWARE_ONLY.drl"));
            Files.writeString(dir.resolve("agencies/MARKUP.drl"), """
                    package agencies;
                    import org.ecawizard.facts.*;
                    rule "MARKUP accepts Medium"
                        @title("%s")
                        @status("confirmed")
                        @source("https://example.org/test")
                    when
                        Selection(agency == "MARKUP")
                    then
                        insert(Evidence.that("MARKUP").acceptsOnly("MEDIUM_ASSURANCE").stated("as a test page says")
                            .source("https://example.org/test"));
                    end
                    """.formatted(MARKUP_TITLE.replace("\"", "\\\"")));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
