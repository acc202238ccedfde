package io.auditflow.control.ui;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.Control;
import io.auditflow.control.ControlFixtures;
import io.auditflow.control.ControlService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A manager looks at a shared control's evidence per program, then edits, submits and approves a Statement of Applicability. */
@IntegrationTest
class ControlsBrowserTest extends BrowserTest {

    @Autowired ControlService controls;
    @Autowired InboxFixture fixture;
    @Autowired MilestoneService milestones;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;
    @Autowired TestClock clock;

    private String text(By by) {
        return (String) js("return arguments[0].innerText", waitFor(by));
    }

    private void waitForText(By by, String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> text(by).contains(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("controls-browser-failure");
            } catch (java.io.IOException ignored) {
                // the assertion below says what went wrong
            }
            assertThat(text(by)).as("text of " + by + " on " + driver.getCurrentUrl()).contains(expected);
        }
    }

    private void hideDevTools() {
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
    }

    @Test
    void a_manager_sees_one_control_serve_two_programs_and_approves_the_statement_of_applicability() throws Exception {
        clock.reset();
        String code = "BROWSER_ALERTS_" + (System.nanoTime() % 100000);
        as("manager", Role.COMPLIANCE_MANAGER, () -> controls.create(new Control.Request(code, "Security alert triage", "platform", 3,
                Map.of("SOC2", List.of("CC7.2", "CC7.3"), "ISO27001", List.of("A.8.16", "A.5.25")))));
        Program soc2 = fixture.program("Browser Cloud SOC 2", "platform", Framework.SOC2_TYPE2);
        Program iso = fixture.program("Browser ISMS", "platform", Framework.ISO27001);
        milestones.plan(soc2.id(), MilestoneType.OBSERVATION_START, 1, LocalDate.of(2026, 1, 1));
        milestones.plan(soc2.id(), MilestoneType.OBSERVATION_END, 1, LocalDate.of(2026, 12, 31));
        milestones.markDone(iso.id(), MilestoneType.CERTIFICATION_DECISION, 1, LocalDate.of(2025, 7, 1));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_1, 1, LocalDate.of(2026, 6, 30));
        ControlFixtures.evidence(jdbc, iso, code, "triage-2025-q3.pdf", LocalDate.of(2025, 8, 15));
        ControlFixtures.evidence(jdbc, soc2, code, "triage-2026-q1.pdf", LocalDate.of(2026, 2, 10));

        login("manager", "demo");
        open("controls/" + code);
        waitForText(By.id("evidence-completeness"), "Browser ISMS");
        assertThat(text(By.cssSelector(".control-page h2"))).isEqualTo("Security alert triage");
        assertThat(text(By.className("control-requirements"))).contains("CC7.3").contains("A.5.25");
        String evidence = text(By.id("evidence-completeness"));
        // Each program's own row (every SOC 2 and ISO program of the shared test database is listed).
        String soc2Row = evidence.substring(evidence.indexOf(soc2.name())).split("\nMissing")[0];
        String isoRow = evidence.substring(evidence.indexOf(iso.name())).split("\nMissing")[0];
        assertThat(soc2Row).contains("2026-01-01 to 2026-12-31").contains("1 of 4").contains("triage-2026-q1.pdf (2026-02-10)");
        // The surveillance audit's evidence period starts the day after the certification decision of 2025-07-01.
        assertThat(isoRow).contains("2025-07-02 to 2026-06-30").contains("2 of 4")
                .contains("triage-2025-q3.pdf (2025-08-15)").contains("triage-2026-q1.pdf (2026-02-10)");
        hideDevTools();
        screenshot("control-page-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("controls/" + code);
        waitForText(By.id("evidence-completeness"), "Browser ISMS");
        hideDevTools();
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("control-page-390");
        driver.manage().window().setSize(new Dimension(1440, 1000));

        open("soa/" + iso.id());
        waitFor(By.id("soa-new-draft")).click();
        waitForText(By.id("soa-status"), "Version 1: draft");
        WebElement cell = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.tagName("vaadin-grid-cell-content"))
                .stream().filter(c -> "A.5.3".equals(c.getText().trim())).findFirst().orElse(null));
        cell.click();
        waitFor(By.cssSelector("#soa-entry-applicable input")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.cssSelector("#soa-entry-applicable input")).isSelected());
        WebElement justification = waitFor(By.cssSelector("#soa-entry-justification textarea"));
        justification.clear();
        justification.sendKeys("One-person operations team: peer review instead");
        driver.findElement(By.id("soa-entry-save")).click();
        waitForVaadin();
        waitForText(By.id("soa-grid"), "One-person operations team: peer review instead");
        assertThat(text(By.className("soa-page"))).contains("92 of 93 Annex A controls applicable");
        hideDevTools();
        screenshot("soa-draft-1440");

        waitFor(By.id("soa-submit")).click();
        waitForText(By.id("soa-status"), "waiting for a manager's approval");
        waitFor(By.id("soa-approve")).click();
        waitForVaadin();
        management.createJobQuery().executable().list().stream()
                .filter(j -> j.getProcessDefinitionKey() != null && j.getProcessDefinitionKey().equals("soaApprovalProcess"))
                .forEach(j -> SystemAuthentication.run(() -> management.executeJob(j.getId())));
        open("soa/" + iso.id());
        waitForText(By.id("soa-status"), "approved by manager on 2026-01-05, in force");
        assertThat(all(By.id("soa-submit")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        assertThat(all(By.id("soa-pdf"))).hasSize(1);
        hideDevTools();
        screenshot("soa-approved-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("soa/" + iso.id());
        waitForText(By.id("soa-status"), "in force");
        hideDevTools();
        screenshot("soa-approved-390");
    }
}
