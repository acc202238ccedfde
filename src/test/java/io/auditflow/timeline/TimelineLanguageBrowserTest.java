package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The timeline drawing in the reader's language, and its legend folded away on a phone. */
@IntegrationTest
class TimelineLanguageBrowserTest extends BrowserTest {

    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToEnglish() {
        jdbc.update("delete from user_language where username = 'executive'");
    }

    private long legendHeight() {
        return ((Number) js("return Math.round(document.querySelector('#timeline-chart details.tl-legend-box')"
                + ".getBoundingClientRect().height);")).longValue();
    }

    private void waitForDrawing() {
        waitFor(By.cssSelector("#timeline-chart li.tl-lane"));
        waitForVaadin();
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
    }

    @Test
    void a_german_executive_reads_the_drawing_in_german_and_a_phone_folds_the_legend() throws Exception {
        LocalDate today = clock.today();
        TimelineSeed seed = new TimelineSeed(programs, milestones, today);
        seed.program("Sprachtest ISMS " + System.nanoTime() % 1000, Framework.ISO27001, "executive", "grc")
                .isoCycle(1, seed.at(-14, 3), true);
        jdbc.update("insert into user_language (username, language) values ('executive', 'de')");
        login("executive", "demo");

        driver.manage().window().setSize(new Dimension(1440, 900));
        open("timeline");
        waitForDrawing();
        String chart = driver.findElement(By.id("timeline-chart")).getText();
        assertThat(chart).contains("Erledigt", "Gefährdet", "Abdeckungslücke / erloschen", "Programm");
        assertThat(chart).doesNotContain("Coverage gap / lapsed", "Legend\n");
        assertThat((String) js("return document.querySelector('#timeline-chart svg.tl-row g.mk > title').textContent;"))
                .matches(".*\\d{2}\\.\\d{2}\\.\\d{4}.*").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat((Boolean) js("return document.querySelector('#timeline-chart details.tl-legend-box').open;")).isTrue();
        screenshot("timeline-german-1440");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("timeline");
        waitForDrawing();
        assertThat((Boolean) js("return document.querySelector('#timeline-chart details.tl-legend-box').open;")).isFalse();
        assertThat(legendHeight()).as("the folded legend's height at 390 px").isLessThan(40);
        assertThat(driver.findElement(By.cssSelector("#timeline-chart details.tl-legend-box summary")).getText()).isEqualTo("Legende");
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue()).isLessThanOrEqualTo(0);
        screenshot("timeline-german-390");
        driver.findElement(By.cssSelector("#timeline-chart details.tl-legend-box summary")).click();
        assertThat(driver.findElement(By.id("timeline-chart")).getText()).contains("Abdeckungslücke / erloschen");
        screenshot("timeline-german-390-legend-open");
    }
}
