package io.auditflow.control.ui;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.control.JointPlanning;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** An executive sees a proposed and an accepted joint audit on the timeline; axe finds nothing to flag. */
@IntegrationTest
class JointTimelineBrowserTest extends BrowserTest {

    @Autowired JointPlanning joint;
    @Autowired MilestoneService milestones;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;

    private void waitForLanes(int lanes) {
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                "const el = document.getElementById('timeline-chart');"
                        + " return !!el && !el.hasAttribute('aria-busy') && !!el.querySelector('.tl')"
                        + " && el.querySelectorAll('li.tl-lane').length === arguments[0];", lanes)));
    }

    @Test
    void proposed_and_accepted_joint_weeks_show_on_both_lanes_and_pass_axe_at_1440_and_390() throws Exception {
        clock.reset();
        String tag = "jbt" + System.nanoTime() % 100_000;
        String team = fixture.team("jbt");
        Program soc2 = fixture.program("Browser joint SOC 2 " + tag, team, Framework.SOC2_TYPE2);
        Program iso = fixture.program("Browser joint ISMS " + tag, team, Framework.ISO27001);
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 9, 14));
        milestones.plan(soc2.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 10, 16));
        milestones.plan(iso.id(), MilestoneType.SURVEILLANCE_AUDIT_1, 1, LocalDate.of(2026, 10, 7));
        as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2.id(), iso.id()));
        String team2 = fixture.team("jbt");
        Program soc2b = fixture.program("Browser joint SOC 2 accepted " + tag, team2, Framework.SOC2_TYPE2);
        Program isob = fixture.program("Browser joint ISMS accepted " + tag, team2, Framework.ISO27001);
        milestones.plan(soc2b.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 5, 4));
        milestones.plan(soc2b.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.of(2026, 6, 5));
        milestones.plan(isob.id(), MilestoneType.RECERTIFICATION_AUDIT, 1, LocalDate.of(2026, 5, 21));
        JointPlanning.Proposal b = as("manager", Role.COMPLIANCE_MANAGER, () -> joint.propose(soc2b.id(), isob.id()));
        as("manager", Role.COMPLIANCE_MANAGER, () -> joint.accept(b.id()));

        login("executive", "demo");
        open("timeline");
        waitFor(By.cssSelector("#timeline-search input")).sendKeys(tag);
        waitForLanes(4);

        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return Array.from(document.querySelectorAll('[class^=ov-joint]'))"
                + ".map(g => g.getAttribute('class') + ' ' + g.querySelector('title').textContent);");
        assertThat(labels).contains(
                "ov-joint-proposed Joint audit with " + iso.name() + ": 2026-10-05 – 2026-10-11 (proposed)",
                "ov-joint-proposed Joint audit with " + soc2.name() + ": 2026-10-05 – 2026-10-11 (proposed)",
                "ov-joint-accepted Joint audit with " + isob.name() + ": 2026-05-18 – 2026-05-24 (accepted)",
                "ov-joint-accepted Joint audit with " + soc2b.name() + ": 2026-05-18 – 2026-05-24 (accepted)");
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        screenshot("joint-timeline-1440");
        assertThat(axe()).as("axe on the timeline with joint audits").isEmpty();

        driver.manage().window().setSize(new Dimension(390, 844));
        waitForVaadin();
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                .isLessThanOrEqualTo(1);
        screenshot("joint-timeline-390");
    }

    @SuppressWarnings("unchecked")
    private List<String> axe() throws Exception {
        loadAxe();
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
        List<Map<String, Object>> found = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " axe.run(document.getElementById('timeline-chart'), {runOnly: {type: 'tag',"
                        + "   values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + " .then(r => done(r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                        + " .catch(e => done([{id: 'axe-error', nodes: [String(e)]}]));");
        return found.stream().map(v -> v.get("id") + " " + v.get("nodes")).toList();
    }
}
