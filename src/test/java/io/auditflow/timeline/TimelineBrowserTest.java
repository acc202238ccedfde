package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The executive's start page in a real browser, with a realistic portfolio seeded in the test. */
@IntegrationTest
class TimelineBrowserTest extends BrowserTest {

    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    TestClock clock;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void executive_lands_on_the_timeline_and_sees_gaps_lapses_and_the_dashboard() throws Exception {
        LocalDate today = clock.today();
        String suffix = " " + Long.toString(System.nanoTime() % 1000);
        TimelineSeed seed = new TimelineSeed(programs, milestones, today);
        seed.program("Northwind Cloud SOC 2" + suffix, Framework.SOC2_TYPE2, "manager", "grc")
                .soc2Cycle(1, seed.at(-18, 0).withDayOfMonth(1), true)
                .soc2Cycle(2, seed.at(-6, 0).withDayOfMonth(1), true)
                .soc2Cycle(3, seed.at(6, 0).withDayOfMonth(1), true);
        seed.program("Northwind ISMS ISO 27001" + suffix, Framework.ISO27001, "manager", "grc")
                .isoCycle(1, seed.at(-14, 3), true)
                .planned(MilestoneType.INTERNAL_AUDIT, 1, seed.at(1, 10))
                .planned(MilestoneType.MANAGEMENT_REVIEW, 1, seed.at(2, 0));
        seed.program("Legacy Payments SOC 2" + suffix, Framework.SOC2_TYPE2, "member", "platform")
                .soc2Cycle(1, seed.at(-26, 0).withDayOfMonth(1), true);
        seed.program("EU Offices ISO 27001" + suffix, Framework.ISO27001, "member", "platform")
                .isoCycle(1, seed.at(-38, 0), false)
                .status(MilestoneType.RECERTIFICATION_AUDIT, 1, seed.at(-5, 0), MilestoneStatus.MISSED,
                        "Certification body slot not booked");
        seed.program("Data Platform SOC 2" + suffix, Framework.SOC2_TYPE2, "manager", "platform")
                .soc2Cycle(1, seed.at(-16, 0).withDayOfMonth(1), true)
                .done(MilestoneType.BRIDGE_LETTER, 1, seed.at(-3, 0))
                .soc2Cycle(2, seed.at(-1, 0).withDayOfMonth(1), false)
                .status(MilestoneType.FIELDWORK_START, 2, seed.at(1, 12), MilestoneStatus.AT_RISK, "Evidence behind");
        Long dataPlatform = seed.programId();
        TestTasks.deploy(repository);
        for (String task : new String[] {"Quarterly access review", "Vulnerability scan evidence"}) {
            TestTasks.start(runtime, dataPlatform, task, java.util.Date.from(clock.instant().minusSeconds(3 * 86_400)),
                    null, "platform");
        }
        seed.program("Mobile App SOC 2 Type I" + suffix, Framework.SOC2_TYPE1, "manager", "grc")
                .planned(MilestoneType.AS_OF_DATE, 1, seed.at(2, 20))
                .planned(MilestoneType.REPORT_ISSUED, 1, seed.at(4, 0));

        login("executive", "demo");
        assertThat(driver.getCurrentUrl()).endsWith("/timeline");
        waitFor(By.cssSelector("#timeline-chart li.tl-lane"));
        // the page fetched the drawing while Vaadin loaded (TimelinePrefetch) and the view took that answer: one fetch
        assertThat(((Number) js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/exports/timeline/drawing')).length;")).intValue()).isEqualTo(1);
        assertThat(js("return 'afTimeline' in window && window.afTimeline === null;")).isEqualTo(true);
        assertThat(all(By.cssSelector("#timeline-chart rect[data-kind='COVERAGE_GAP']"))).isNotEmpty();
        assertThat(all(By.cssSelector("#timeline-chart rect[data-kind='CERTIFICATE_LAPSED']"))).isNotEmpty();
        assertThat(all(By.cssSelector("#timeline-chart .tl-axis .td"))).hasSize(1);
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        Path shot = screenshot("executive-timeline");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // the board pack: print media hides the menu and the filters, the chart stays
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("media", "print"));
        assertThat(driver.findElement(By.id("framework-filter")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("timeline-chart")).isDisplayed()).isTrue();
        screenshot("executive-timeline-print");
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("media", ""));

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1300));
        open("dashboard");
        waitFor(By.id("answer-certificates"));
        assertThat(driver.findElement(By.id("answer-certificates")).getText()).contains("lapsed");
        driver.findElement(By.id("answer-attention")).click();
        waitForVaadin();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d ->
                d.findElement(By.id("dashboard-list-card")).getText().contains("Data Platform SOC 2"));
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        screenshot("executive-dashboard");
    }
}
