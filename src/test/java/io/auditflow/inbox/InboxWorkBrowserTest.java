package io.auditflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.identity.UserService;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team member's week in a real browser at 1440x900 and on a 390x844 phone: lands on the team's
 * work, sorts on the server, claims three tasks in one go, sees a refused upload marked refused;
 * nothing overflows the viewport and the console stays clean.
 */
@IntegrationTest
class InboxWorkBrowserTest extends BrowserTest {

    private static final Pattern PROGRAM = Pattern.compile("Sort (Alpha|Bravo|Charlie)");

    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired UserService users;
    @Autowired TestClock clock;

    @Test
    void a_member_sorts_claims_in_bulk_and_works_on_a_phone_without_horizontal_scrolling() throws Exception {
        clock.reset();
        String team = fixture.team("brw");
        String worker = "b" + team;
        SystemAuthentication.run(() -> users.seedUser(worker, "Browser " + team, null, "demo",
                Set.of(Role.COMPLIANCE_MEMBER), Set.of(team)));
        Task bravo = fixture.start(fixture.program("Sort Bravo", team), clock.today().plusDays(5));
        Task alpha = fixture.start(fixture.program("Sort Alpha", team), clock.today().plusDays(9));
        Task charlie = fixture.start(fixture.program("Sort Charlie", team), clock.today().minusDays(1));

        driver.manage().window().setSize(new Dimension(1440, 900));
        login(worker, "demo");
        assertThat(driver.getCurrentUrl()).endsWith("/inbox");
        waitForRows(3);
        assertThat(waitFor(By.id("tab-team")).getAttribute("selected")).isNotNull();
        assertThat(programsInOrder()).containsExactly("Charlie", "Bravo", "Alpha");
        assertNoHorizontalOverflow();
        screenshot("inbox-work-1440");

        clickSorter(2); // Due, Task, Program, Assignee: the header texts follow the browser's language
        waitUntilOrder("Alpha", "Bravo", "Charlie");
        clickSorter(2);
        waitUntilOrder("Charlie", "Bravo", "Alpha");
        screenshot("inbox-work-1440-sorted-by-program-desc");

        for (WebElement box : driver.findElements(By.cssSelector("vaadin-grid.inbox-grid vaadin-checkbox"))) {
            if (box.isDisplayed() && box.findElements(By.xpath("ancestor::vaadin-grid-cell-content")).size() > 0
                    && !"select-all".equals(box.getAttribute("aria-label"))) {
                js("arguments[0].click();", box);
            }
        }
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id("bulk-selection")).getText().startsWith("3 "));
        waitFor(By.id("bulk-claim")).click();
        waitFor(By.id("bulk-confirm"));
        screenshot("inbox-work-bulk-confirm");
        driver.findElement(By.id("bulk-confirm")).click();
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("bulk-result")).isDisplayed());
        assertThat(driver.findElement(By.id("bulk-result")).getText()).matches("3 (changed|geändert)");
        for (Task t : List.of(alpha, bravo, charlie)) {
            assertThat(taskService.createTaskQuery().taskId(t.getId()).singleResult().getAssignee()).isEqualTo(worker);
        }
        screenshot("inbox-work-bulk-done");

        // A refused upload is marked refused, with its reason and without a check mark (this step was out for
        // a while: under load the file could be handled before the browser's "started" event, which then
        // wiped the outcome; EvidencePanel now keeps it, EvidencePanelTest checks that order).
        open("inbox/task/" + alpha.getId());
        assertThat(waitFor(By.cssSelector("h3.task-title")).getText()).isEqualTo("Review user access");
        assertThat(waitFor(By.id("task-after")).getText()).endsWith(": File the access review report");
        Path dir = Files.createTempDirectory("evidence");
        Path fake = dir.resolve("photo.png");
        Files.write(fake, EvidenceSamples.pdf());
        driver.findElement(By.id("evidence-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(fake.toAbsolutePath().toString());
        WebElement refused = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElements(
                By.cssSelector(".upload-state.refused")).stream().findFirst().orElse(null));
        assertThat(refused.getText()).startsWith("photo.png").contains("✗").contains("not a PNG").doesNotContain("✓");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js(
                "const f = (document.getElementById('evidence-upload').files || [])[0];"
                        + " return !!f && !!f.error && !f.complete;")));
        assertNoHorizontalOverflow();
        screenshot("task-page-refused-upload-1440");

        // The phone: cards, the filters folded away, nothing wider than the screen.
        driver.manage().window().setSize(new Dimension(390, 844));
        open("inbox");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".task-card")).isEmpty());
        waitForVaadin();
        assertThat(driver.findElement(By.id("inbox-filters")).getDomAttribute("opened")).isNull();
        assertNoHorizontalOverflow();
        screenshot("inbox-work-390");
        open("inbox/task/" + alpha.getId());
        waitFor(By.id("evidence-upload"));
        assertNoHorizontalOverflow();
        screenshot("task-page-390");

        assertThat(consoleErrors()).isEmpty();
    }

    private void clickSorter(int index) {
        WebElement sorter = driver.findElements(By.cssSelector("vaadin-grid.inbox-grid vaadin-grid-sorter")).get(index);
        sorter.click();
        waitForVaadin();
    }

    private void waitUntilOrder(String... expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> programsInOrder().equals(List.of(expected)));
    }

    /** The program of each visible row, top to bottom, as the browser shows them. */
    @SuppressWarnings("unchecked")
    private List<String> programsInOrder() {
        List<String> rows = (List<String>) js("const g = document.querySelector('vaadin-grid.inbox-grid');"
                + " return Array.from(g.shadowRoot.querySelectorAll('#items tr')).filter(r => !r.hidden && r.index !== undefined)"
                + ".sort((a, b) => a.index - b.index)"
                + ".map(r => Array.from(r.querySelectorAll('td')).map(td => td._content ? td._content.textContent : '').join(' | '));");
        List<String> programs = new ArrayList<>();
        for (String row : rows) {
            Matcher m = PROGRAM.matcher(row);
            if (m.find()) {
                programs.add(m.group(1));
            }
        }
        return programs;
    }

    private void waitForRows(int rows) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Long.valueOf(rows).equals(js(
                "const g = document.querySelector('vaadin-grid.inbox-grid'); return g ? g.size : -1;")));
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> programsInOrder().size() == rows);
    }

    /** No element of the page (outside open overlays) reaches past the right edge of the viewport. */

    /**
     * Console errors. The missing favicon (issue 13, fixed on the i18n branch) is the one known
     * 404 of every page and is left out here.
     */
    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("favicon.ico"))
                .toList();
    }
}
