package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The new engagement bits in a real browser at 1440 and 390 px: the offer on the scoping task's
 * page leads to the creation dialog with the audit filled in, the program page offers "Create
 * engagement" on the audit's milestone row, and an auditor reads expected versus done.
 */
@IntegrationTest
class EngagementOfferBrowserTest extends BrowserTest {

    @Autowired EngagementFixture fx;
    @Autowired InboxFixture inbox;
    @Autowired LifecycleService lifecycle;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_manager_follows_the_offer_and_an_auditor_reads_expected_versus_done() throws Exception {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Program typeOne = inbox.program("Offer browser", "grc", Framework.SOC2_TYPE1);
        Task scoping = inbox.startLifecycle(typeOne, lifecycle, LifecycleRequest.typeOne(LocalDate.of(2026, 3, 31)));

        login("manager", "demo");
        open("inbox/task/" + scoping.getId());
        WebElement offer = waitFor(By.id("create-engagement-from-task"));
        WebElement section = waitFor(By.id("engagement-offer"));
        assertThat(section.getText()).contains("Type I as-of date (cycle 1)");
        js("arguments[0].scrollIntoView({block: 'center'});", section);
        screenshot("engagement-offer-task-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        waitForVaadin();
        js("arguments[0].scrollIntoView({block: 'center'});", section);
        screenshot("engagement-offer-task-390");
        driver.manage().window().setSize(new Dimension(1440, 900));
        waitForVaadin();

        js("arguments[0].scrollIntoView({block: 'center'});", offer);
        offer.click();
        waitFor(By.id("engagement-dialog"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> String.valueOf(
                js("return document.querySelector('#engagement-audit input').value;"))
                .contains("Type I as-of date"));
        assertThat(driver.getCurrentUrl()).contains("audit=AS_OF_DATE").contains("cycle=1");
        screenshot("engagement-offer-dialog-1440");

        open("programs/" + typeOne.id());
        WebElement create = waitFor(By.id("create-engagement-AS_OF_DATE-1"));
        assertThat(create.getText()).isEqualTo("Create engagement");
        screenshot("engagement-offer-program-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        waitForVaadin();
        screenshot("engagement-offer-program-390");
        assertNoHorizontalOverflow();
        driver.manage().window().setSize(new Dimension(1440, 900));

        // Expected versus done, as the auditor sees it.
        Program typeTwo = fx.program("Period browser");
        long id = fx.engagement(typeTwo);
        fx.invite(id, "auditor");
        insert(typeTwo, "USER_ACCESS_REVIEW", 1, "2025-09-01", "2025-09-30", "2025-09-25", "DONE");
        insert(typeTwo, "USER_ACCESS_REVIEW", 2, "2025-12-01", "2025-12-31", null, "PLANNED");
        insert(typeTwo, "PENETRATION_TEST", 1, "2025-11-01", "2025-11-30", null, "MISSED");
        driver.manage().deleteAllCookies();
        login("auditor", "demo");
        open("engagements/" + id);
        WebElement activities = waitFor(By.id("period-activities"));
        // The theme's cards (a CSS grid) once the stylesheet is in.
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "grid".equals(js(
                "return getComputedStyle(arguments[0]).display;", activities)));
        js("arguments[0].scrollIntoView({block: 'start'});", activities);
        assertThat(activities.getText()).contains("User access review").contains("Expected 2 · done 1 · overdue 1 · missed 0")
                .contains("Penetration test").contains("Expected 1 · done 0 · overdue 0 · missed 1");
        screenshot("engagement-period-activities-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        waitForVaadin();
        js("arguments[0].scrollIntoView({block: 'start'});", activities);
        screenshot("engagement-period-activities-390");
        Object overflow = js("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertThat(overflow).isEqualTo(false);
    }

    private void insert(Program p, String code, int seq, String opens, String due, String doneOn, String status) {
        jdbc.update("insert into control_occurrence (program_id, activity_code, cycle, seq, opens_on, due_on, done_on, result, status)"
                        + " values (?,?,?,?,?,?,?,?,?)", p.id(), code, 1, seq, LocalDate.parse(opens), LocalDate.parse(due),
                doneOn == null ? null : LocalDate.parse(doneOn), doneOn == null ? null : "PASS", status);
    }
}
