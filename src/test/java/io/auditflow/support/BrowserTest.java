package io.auditflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for end-to-end tests in a real headless Chromium (Debian's chromium and chromium-driver,
 * installed by .ci/run). Screenshots go to target/screenshots.
 */
public abstract class BrowserTest {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    protected WebDriver driver;
    private Path profileDir;

    @BeforeEach
    void startBrowser() throws IOException {
        profileDir = Files.createTempDirectory("auditflow-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profileDir);
        // The browser console, so tests can check for Content-Security-Policy violations.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /**
     * When a test fails, what the browser showed and said at that moment (before the browser is
     * closed): target/screenshots/FAILED-Class-method.png and .log with the page URL and the console.
     */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.AfterTestExecutionCallback keepEvidenceOfFailure = context -> {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            StringBuilder log = new StringBuilder("url: ").append(driver.getCurrentUrl()).append('\n');
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                    .forEach(e -> log.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
            Files.writeString(SCREENSHOTS.resolve(name + ".log"), log);
        } catch (RuntimeException | IOException e) {
            // the browser may be gone with the failure; the test's own error is what matters
        }
    };

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    protected void open(String path) {
        driver.get(url(path));
        waitForVaadin();
    }

    /** Signs in through the login page as a person would. */
    protected void login(String username, String password) {
        open("login");
        WebElement user = waitFor(By.id("vaadinLoginUsername"));
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("vaadinLoginPassword"));
        pass.sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login")
                || !d.findElements(By.cssSelector("vaadin-login-form[error]")).isEmpty());
        waitForVaadin();
    }

    protected WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until Vaadin has no request in flight, so what the page shows is settled. */
    protected void waitForVaadin() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) {"
                        + " return document.readyState === 'complete'; }"
                        + " return document.readyState === 'complete' && Object.values(window.Vaadin.Flow.clients)"
                        + ".every(c => !c.isActive || !c.isActive());")));
    }

    /** Console messages that report a Content-Security-Policy violation since the last call. */
    protected List<String> contentSecurityPolicyErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the page under target/screenshots and returns its path. */
    protected Path screenshot(String name) throws IOException {
        waitForVaadin();
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /**
     * Nothing on the page reaches past the right edge and the page does not scroll sideways. Overlays
     * aside, and a grid's cells: a grid may scroll sideways inside its own box, which must itself fit.
     */
    @SuppressWarnings("unchecked")
    protected void assertNoHorizontalOverflow() {
        waitForVaadin();
        Object scroll = js("return document.documentElement.scrollWidth - window.innerWidth;");
        List<String> offenders = (List<String>) js("const w = window.innerWidth; return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > w + 1"
                + " && !e.closest('vaadin-notification-card, vaadin-dialog-overlay, vaadin-combo-box-overlay, vaadin-select-overlay, .v-status-message, .v-loading-indicator')"
                + " && !(e.localName !== 'vaadin-grid' && e.closest('vaadin-grid'))" // a grid scrolls inside its own box
                + " && getComputedStyle(e).visibility !== 'hidden'; })"
                + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));");
        assertThat(offenders).as("elements past the right edge at width " + js("return window.innerWidth;")).isEmpty();
        assertThat(((Number) scroll).intValue()).as("horizontal scrolling").isLessThanOrEqualTo(0);
    }

    /**
     * Loads axe-core (Deque's jar, test scope) into the page. The one place that names the file, so an
     * upgrade of axe changes every accessibility check at once.
     */
    protected void loadAxe() throws IOException {
        try (java.io.InputStream in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            js(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
