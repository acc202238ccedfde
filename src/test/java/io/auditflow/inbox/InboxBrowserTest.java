package io.auditflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.FindingService;
import io.auditflow.program.Program;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The member's day in a real browser: sign in, claim a team task, add evidence, complete it. */
@IntegrationTest
class InboxBrowserTest extends BrowserTest {

    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired TestClock clock;
    @Autowired FindingService findings;
    @Autowired ManagementService management;

    @Test
    void a_member_claims_a_task_adds_evidence_and_completes_it() throws Exception {
        Program program = fixture.program("Browser inbox", "grc");
        Task overdue = fixture.start(program, clock.today().minusDays(2));
        Task soon = fixture.start(program, clock.today().plusDays(1));
        fixture.start(program, clock.today().plusDays(20));

        login("member", "demo");
        assertThat(driver.getCurrentUrl()).endsWith("/inbox");
        filterByProgram(program.name());
        waitFor(By.id("tab-team")).click();
        waitForRows(3);
        screenshot("inbox-before");

        WebElement claim = waitFor(By.cssSelector("vaadin-button.claim"));
        claim.click();
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "member".equals(taskService.createTaskQuery().taskId(overdue.getId()).singleResult().getAssignee()));

        open("inbox/task/" + overdue.getId());
        waitFor(By.id("evidence-upload"));
        Path file = Files.createTempDirectory("evidence").resolve("access-review.pdf");
        Files.write(file, EvidenceSamples.pdf());
        WebElement upload = driver.findElement(By.id("evidence-upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("access-review.pdf")
                && !d.findElements(By.cssSelector("#evidence-grid vaadin-grid-cell-content")).isEmpty()
                && d.findElements(By.cssSelector("#evidence-grid vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("access-review.pdf")));
        click(waitFor(By.id("form-outcome")));
        waitFor(By.xpath("//vaadin-select-item[contains(., 'No findings')]")).click();
        waitForVaadin();
        screenshot("task-page");
        click(driver.findElement(By.id("complete-task")));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/inbox"));
        waitForVaadin();

        assertThat(fixture.currentTask(overdue.getProcessInstanceId()).getTaskDefinitionKey()).isEqualTo("Task_FileReport");
        filterByProgram(program.name());
        waitFor(By.id("tab-team")).click();
        waitForRows(3);
        screenshot("inbox-after");
        assertThat(soon.getId()).isNotNull();
    }

    @Test
    void a_member_works_a_real_corrective_action_task_from_claim_to_completion() throws Exception {
        Program program = fixture.program("Browser finding", "grc");
        FindingService.FindingView finding = SystemAuthentication.call(() -> findings.raise(program.id(), "grc", 1,
                FindingKind.MINOR_NONCONFORMITY, "Leavers kept VPN access", "Internal audit"));
        Task rootCause = awaitTask(program.id(), "Task_RootCause");

        login("member", "demo");
        filterByProgram(program.name());
        waitFor(By.id("tab-team")).click();
        waitForRows(1);
        screenshot("inbox-real-task-before");
        waitFor(By.cssSelector("vaadin-button.claim")).click();
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "member".equals(taskService.createTaskQuery().taskId(rootCause.getId()).singleResult().getAssignee()));

        open("inbox/task/" + rootCause.getId());
        waitFor(By.id("evidence-upload"));
        Path file = Files.createTempDirectory("evidence").resolve("vpn-leavers.pdf");
        Files.write(file, EvidenceSamples.pdf());
        driver.findElement(By.id("evidence-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#evidence-grid vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("vpn-leavers.pdf")));
        WebElement rootCauseField = waitFor(By.cssSelector("#form-rootCause textarea, #form-rootCause input"));
        js("arguments[0].scrollIntoView({block: 'center'});", rootCauseField);
        rootCauseField.sendKeys("The leaver checklist had no VPN step.");
        rootCauseField.sendKeys(Keys.TAB);
        waitForVaadin();
        screenshot("task-page-real-finding");
        click(driver.findElement(By.id("complete-task")));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/inbox"));
        waitForVaadin();

        Task next = awaitTask(program.id(), "Task_ActionPlan");
        assertThat(next.getProcessInstanceId()).isEqualTo(rootCause.getProcessInstanceId());
        assertThat(finding.programId()).isEqualTo(program.id());
        filterByProgram(program.name());
        waitFor(By.id("tab-team")).click();
        waitForRows(1);
        assertThat(driver.findElement(By.cssSelector("vaadin-grid.inbox-grid")).getText())
                .contains("Agree the corrective action plan");
        screenshot("inbox-real-task-after");
    }

    /** Runs the engine's due jobs (the job executor is off in tests) until the task is there. */
    private Task awaitTask(Long programId, String taskKey) {
        for (int i = 0; i < 20; i++) {
            Task task = taskService.createTaskQuery().processVariableValueEquals("programId", programId)
                    .taskDefinitionKey(taskKey).singleResult();
            if (task != null) {
                return task;
            }
            SystemAuthentication.run(() -> management.createJobQuery().executable().list()
                    .forEach(job -> management.executeJob(job.getId())));
        }
        throw new AssertionError("No task " + taskKey + " for program " + programId);
    }

    private void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void filterByProgram(String name) {
        WebElement combo = waitFor(By.id("filter-program"));
        WebElement input = combo.findElement(By.cssSelector("input"));
        input.sendKeys(name);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitForVaadin();
    }

    private void waitForRows(int rows) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Long.valueOf(rows).equals(js(
                "const g = document.querySelector('vaadin-grid.inbox-grid'); return g ? g.size : -1;")));
        waitForVaadin();
    }
}
