package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutboxSender;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import io.auditflow.timeline.TimelineSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dates and words in the reader's language (text and pickers agree), admin pages that fit a laptop
 * and a phone, the favicon, and a timeline click without console errors.
 */
@IntegrationTest
class LocaleAndAdminBrowserTest extends BrowserTest {

    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void backToEnglish() {
        jdbc.update("delete from user_language where username = 'manager'");
    }

    /**
     * How far anything sticks out to the right: the page, any element of the view (a grid's cells
     * excepted, they are measured as the grid's own sideways scrolling), and any grid that scrolls sideways.
     */
    private long horizontalOverflow() {
        return ((Number) js("""
                const limit = window.innerWidth;
                let worst = document.documentElement.scrollWidth - limit;
                document.querySelectorAll('vaadin-app-layout *').forEach(e => {
                  if (e.closest('vaadin-grid') && e.localName !== 'vaadin-grid') return;
                  if (e.closest('[slot="drawer"]')) return;
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.height > 0) worst = Math.max(worst, Math.ceil(r.right - limit));
                });
                document.querySelectorAll('vaadin-grid').forEach(g => {
                  const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                  if (t) worst = Math.max(worst, t.scrollWidth - t.clientWidth);
                });
                return worst;""")).longValue();
    }

    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("favicon"))
                .toList();
    }

    @Test
    void a_german_manager_sees_german_dates_in_text_and_in_the_picker_and_german_words() throws Exception {
        Long id = new TimelineSeed(programs, milestones, clock.today())
                .program("Deutsches ISMS " + run, Framework.ISO27001, "manager", "grc")
                .planned(MilestoneType.STAGE1_AUDIT, 1, LocalDate.of(2026, 12, 24))
                .programId();
        jdbc.update("insert into user_language (username, language) values ('manager', 'de')");

        login("manager", "demo");
        open("programs/" + id);
        WebElement grid = waitFor(By.id("milestone-grid"));
        new WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(d -> grid.getText().contains("24.12.2026"));
        assertThat(grid.getText()).contains("24.12.2026").contains("Stufe-1-Audit").contains("Geplant")
                .doesNotContain("2026-12-24");
        assertThat(driver.findElement(By.cssSelector("vaadin-side-nav")).getText()).contains("Programme");
        assertThat(driver.getTitle()).isEqualTo("Programm");
        // long labels ("Statement of Applicability", "Erklärung zur Anwendbarkeit") wrap in the drawer instead of ending in "..."
        assertThat((Long) js("return document.querySelectorAll('.main-nav .nav-label').length")).isGreaterThan(10L);
        assertThat((String) js("return [...document.querySelectorAll('.main-nav .nav-label')]"
                + ".filter(l => l.scrollWidth > l.clientWidth + 1).map(l => l.textContent).join(', ')")).isEmpty();

        // the reschedule picker shows the same pattern as the text
        WebElement move = waitFor(By.xpath("//vaadin-grid-cell-content//vaadin-button[normalize-space()='Verschieben']"));
        move.click();
        WebElement picker = waitFor(By.id("reschedule-date"));
        waitForVaadin();
        String shown = (String) js("return arguments[0].inputElement.value", picker);
        assertThat(shown).isEqualTo("24.12.2026");
        screenshot("locale-german-program-1440");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void the_admin_users_and_mail_pages_fit_a_laptop_and_a_phone_and_a_mail_opens() throws Exception {
        outbox.enqueue(new OutgoingMail("fit:" + run, "TASK_REMINDER", "member", "member@auditflow.example",
                "Due tomorrow: Quarterly privileged access review of the production database " + run,
                "Plain text body " + run, "<p>HTML <b>body</b> " + run + "</p>", null, null));
        sender.sendDue();
        login("admin", "demo");
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            open("admin/users");
            waitFor(By.cssSelector("vaadin-grid"));
            waitForVaadin();
            assertThat(horizontalOverflow()).as("users at " + size).isLessThanOrEqualTo(0);
            screenshot("admin-users-" + size.getWidth());
            open("admin/mail");
            waitFor(By.cssSelector("vaadin-grid"));
            waitForVaadin();
            assertThat(horizontalOverflow()).as("mail at " + size).isLessThanOrEqualTo(0);
            screenshot("admin-mail-" + size.getWidth());
        }
        driver.manage().window().setSize(new Dimension(1440, 900));
        open("admin/users");
        WebElement users = waitFor(By.cssSelector("vaadin-grid"));
        // the row menu sits inside the grid's visible width at 1440 px
        // The grid renders only the rows in view (a shared test database has many users): take the first row's menu.
        WebElement menu = waitFor(By.cssSelector("vaadin-menu-bar[id^='actions-']"));
        Number right = (Number) js("return arguments[0].getBoundingClientRect().right", menu);
        assertThat(right.doubleValue()).isLessThanOrEqualTo(1440);
        assertThat(users.isDisplayed()).isTrue();

        open("admin/mail");
        driver.findElement(By.id("mail-search")).findElement(By.tagName("input")).sendKeys(run);
        new WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.findElement(By.cssSelector("vaadin-grid")).getText().contains("Not sent: no SMTP server"));
        WebElement reason = driver.findElement(By.xpath("//vaadin-grid-cell-content[contains(., 'Not sent: no SMTP server')]"));
        Number reasonRight = (Number) js("return arguments[0].getBoundingClientRect().right", reason);
        assertThat(reasonRight.doubleValue()).as("the reason is on screen").isLessThanOrEqualTo(1440);
        driver.findElement(By.xpath("//vaadin-grid-cell-content[contains(., 'Plain') or contains(., 'Due tomorrow')]")).click();
        WebElement dialog = waitFor(By.id("mail-text"));
        assertThat(dialog.getText()).contains("Plain text body " + run);
        driver.findElement(By.xpath("//vaadin-tab[normalize-space()='HTML']")).click();
        WebElement frame = waitFor(By.id("mail-html"));
        assertThat(frame.getAttribute("sandbox")).as("no scripts, no same origin").isEmpty();
        driver.findElement(By.xpath("//vaadin-tab[normalize-space()='History']")).click();
        assertThat(waitFor(By.id("mail-history")).getText()).contains("Queued").contains("Held");
        screenshot("admin-mail-dialog-1440");
        assertThat(driver.getTitle()).isEqualTo("Mail");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void the_favicon_answers_200_over_http_without_signing_in() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("favicon.ico"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length).isGreaterThan(100);
        assertThat(response.body()[2]).as("an ICO file").isEqualTo((byte) 1);
    }

    @Test
    void clicking_a_program_on_the_timeline_opens_it_without_console_errors() throws Exception {
        Long id = new TimelineSeed(programs, milestones, clock.today())
                .program("Timeline click " + run, Framework.SOC2_TYPE2, "manager", "grc")
                .planned(MilestoneType.FIELDWORK_START, 1, clock.today().plusMonths(2))
                .programId();
        login("executive", "demo");
        open("timeline");
        waitFor(By.cssSelector("#timeline-chart li.tl-lane"));
        consoleErrors();
        WebElement lane = waitFor(By.cssSelector("#timeline-chart li.tl-lane[data-program='" + id + "']"));
        js("arguments[0].scrollIntoView({block: 'center'})", lane);
        // a click on the drawing itself (a marker in the SVG row), then on the program's name
        WebElement row = lane.findElement(By.cssSelector("svg.tl-row"));
        List<WebElement> markers = row.findElements(By.cssSelector("g.mk"));
        js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}))",
                markers.isEmpty() ? row : markers.get(0));
        lane.findElement(By.cssSelector(".tl-name a")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/programs/" + id));
        waitFor(By.id("program-title"));
        assertThat(consoleErrors()).isEmpty();
    }
}
