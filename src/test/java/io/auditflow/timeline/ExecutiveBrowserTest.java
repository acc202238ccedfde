package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import io.auditflow.support.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The executive pages in a real Chromium at 200 programs: search, at-risk filter, grouping and
 * collapsing, labels that never overlap, keyboard reach, the print header, no router error on a
 * program click; and axe-core (WCAG 2.1 A/AA) on every page for every role.
 */
@IntegrationTest
class ExecutiveBrowserTest extends BrowserTest {

    @Autowired
    ProgramService programs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private void waitForDrawing(String urlPart) {
        waitForVaadin();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                "const el = document.getElementById('timeline-chart');"
                        + " return !!el && !!el.dataset.url && el.dataset.url.includes(arguments[0])"
                        + " && !el.hasAttribute('aria-busy') && !!el.querySelector('.tl');", urlPart)));
    }

    private long count(String css) {
        return ((Number) js("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
    }

    @Test
    void an_executive_searches_filters_groups_and_prints_a_timeline_of_200_programs() throws Exception {
        clock.reset();
        String prefix = "Scale " + (System.nanoTime() % 100_000);
        Portfolio.seed(programs, jdbc, clock.today(), 200, prefix);

        login("executive", "demo");
        long start = System.nanoTime();
        open("timeline");
        waitForDrawing("range=DEFAULT");
        System.out.printf("ExecutiveBrowserTest: timeline of %d lanes shown after %.0f ms (loaded machine)%n",
                count("li.tl-lane"), (System.nanoTime() - start) / 1e6);
        assertThat(count("li.tl-lane")).isGreaterThanOrEqualTo(200);
        assertThat(count(".tl-row a, .tl-row [target]")).isZero();

        // no two marker labels overlap on any lane; colliding ones were merged with a count
        Object overlaps = js("let n = 0; for (const row of document.querySelectorAll('svg.tl-row')) {"
                + " const boxes = Array.from(row.querySelectorAll('text.ml')).map(t => t.getBoundingClientRect())"
                + "   .sort((a, b) => a.left - b.left);"
                + " for (let i = 1; i < boxes.length; i++) { if (boxes[i].left < boxes[i - 1].right - 0.5) n++; } }"
                + " return n;");
        assertThat(((Number) overlaps).intValue()).isZero();
        assertThat(count("text.ml")).isGreaterThan(1000);
        assertThat(count("g.mk.merged")).isPositive();
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        screenshot("exec-timeline-200-1440");

        // the year header stays in view after scrolling down 150 lanes
        js("document.querySelector('.tl-scroll').scrollTop = 150 * 60;");
        Object headTop = js("const s = document.querySelector('.tl-scroll').getBoundingClientRect();"
                + " const h = document.querySelector('.tl-head').getBoundingClientRect(); return Math.round(h.top - s.top);");
        assertThat(((Number) headTop).intValue()).isZero();
        js("document.querySelector('.tl-scroll').scrollTop = 0;");

        // search by program
        WebElement search = driver.findElement(By.cssSelector("#timeline-search input"));
        search.sendKeys(prefix + " #17");
        waitForDrawing("q=");
        List<String> names = names();
        assertThat(names).hasSize(11).allMatch(n -> n.startsWith(prefix + " #17"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitForDrawing("range=DEFAULT&");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> count("li.tl-lane") >= 200);

        // at risk only: every lane shown needs attention, and fewer lanes are shown
        long all = count("li.tl-lane");
        driver.findElement(By.id("timeline-at-risk")).click();
        waitForDrawing("atRisk=true");
        long risky = count("li.tl-lane");
        assertThat(risky).isPositive().isLessThan(all);
        assertThat(count("li.tl-lane:not(.risk)")).isZero();

        // group by team, collapse the first group
        driver.findElement(By.id("timeline-group")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.xpath(
                "//vaadin-select-item[normalize-space(.)='Team']")).isEmpty());
        driver.findElement(By.xpath("//vaadin-select-item[normalize-space(.)='Team']")).click();
        waitForDrawing("group=TEAM");
        assertThat(count("button.tl-toggle")).isGreaterThanOrEqualTo(2);
        WebElement toggle = driver.findElement(By.cssSelector("button.tl-toggle"));
        String listId = toggle.getAttribute("aria-controls");
        toggle.click();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(driver.findElement(By.id(listId)).isDisplayed()).isFalse();
        toggle.click();
        assertThat(driver.findElement(By.id(listId)).isDisplayed()).isTrue();

        // keyboard: a lane takes focus, the arrow key moves to its first marker, which has text
        js("document.querySelector('svg.tl-row').focus();");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        Object focused = js("const a = document.activeElement; return a.classList.contains('mk') ? a.querySelector('title').textContent : null;");
        assertThat((String) focused).isNotBlank();
        // what a screen reader announces: the browser's accessible name of the focused marker is its <title>
        assertThat(driver.switchTo().activeElement().getAccessibleName()).isEqualTo(focused);

        // print: title, date and filters in force
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        WebElement head = driver.findElement(By.cssSelector(".tl-print-head"));
        assertThat(head.isDisplayed()).isTrue();
        assertThat(head.getText()).contains("Audit timeline", "Printed " + clock.today(), "at risk only", "grouped by team");
        assertThat(driver.findElement(By.id("framework-filter")).isDisplayed()).isFalse();
        screenshot("exec-timeline-print");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // a click on a program opens it without a script error (the old SVG links threw in the router)
        js("window.__errors = []; window.addEventListener('error', e => window.__errors.push(e.message));");
        driver.findElement(By.cssSelector(".tl-name a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/programs/"));
        waitForVaadin();
        assertThat((List<?>) js("return window.__errors;")).isEmpty();

        // phone width: the page itself does not overflow, the chart scrolls inside its frame
        driver.manage().window().setSize(new Dimension(390, 844));
        open("timeline");
        waitForDrawing("range=DEFAULT");
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue()).isLessThanOrEqualTo(1);
        // the filters fold away on a phone, so the drawing starts on the first screen
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("timeline-filters")).getDomAttribute("opened") == null);
        assertThat(((Number) js("return document.getElementById('timeline-chart').getBoundingClientRect().top")).intValue())
                .isLessThan(500);
        screenshot("exec-timeline-390");
        open("dashboard");
        waitFor(By.id("dashboard-answers"));
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        screenshot("exec-dashboard-390");
        driver.manage().window().setSize(new Dimension(1440, 1000));
        open("dashboard");
        waitFor(By.id("answer-certificates"));
        driver.findElement(By.id("answer-certificates")).click();
        waitForVaadin();
        assertThat(driver.findElement(By.id("dashboard-list-card")).getText()).contains("ISO certificates (");
        // the trend charts are drawn as SVG (bars and month letters placed), not as run-together text "0J0F0M..."
        @SuppressWarnings("unchecked")
        List<List<Object>> charts = (List<List<Object>>) js("return Array.from(document.querySelectorAll('#trends svg'))"
                + ".map(s => [s.namespaceURI, Math.round(s.getBoundingClientRect().height), s.querySelectorAll('text').length]);");
        assertThat(charts).hasSize(2);
        for (List<Object> chart : charts) {
            assertThat(chart.get(0)).isEqualTo("http://www.w3.org/2000/svg");
            // 360 x 120 viewBox at up to 360 px wide: about 100 px tall, far more than one line of text
            assertThat(((Number) chart.get(1)).intValue()).isGreaterThan(60);
        }
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        screenshot("exec-dashboard-1440");
    }

    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) js("return Array.from(document.querySelectorAll('.tl-name a')).map(a => a.textContent);");
    }

    /** Pages per role (what each role's menu offers); program 1 is a demo program. */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        List<String> everyone = List.of("timeline", "dashboard", "programs", "programs/1", "feeds", "preferences/notifications");
        List<String> workers = List.of("inbox", "evidence");
        PAGES.put("executive", everyone);
        PAGES.put("auditor", everyone);
        PAGES.put("member", concat(everyone, workers));
        PAGES.put("manager", concat(everyone, workers, List.of("reminders/settings")));
        PAGES.put("admin", concat(everyone, workers, List.of("reminders/settings", "admin/users", "admin/teams", "admin/mail", "admin/provisioning")));
    }

    /**
     * Pages owned by other features that axe still flags, with the rule: excluded here so this test
     * guards the rest. TODO(issue 14 follow-up): their owners fix them and remove the entries.
     */
    static final Map<String, List<String>> KNOWN_ELSEWHERE = Map.of();

    /**
     * Rules that axe reports inside Vaadin's own components, not in our markup, ignored only when every
     * flagged node is a vaadin-* element. Empty since axe 4.11: with 4.6.3 this held
     * "aria-required-children" (the shadow-DOM table of vaadin-grid, the vaadin-tabs host).
     */
    static final List<String> VAADIN_INTERNALS = List.of();

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }


    @Test
    void axe_finds_no_wcag_21_a_or_aa_violation_on_any_page_for_any_role() throws Exception {
        // axe walks every node: the timeline of a shared context may hold 200+ lanes, on a busy machine
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(4));
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> role : PAGES.entrySet()) {
            driver.manage().deleteAllCookies();
            login(role.getKey(), "demo");
            for (String page : role.getValue()) {
                open(page);
                if (page.equals("timeline")) {
                    waitForDrawing("range=");
                }
                Thread.sleep(300);
                waitForVaadin();
                loadAxe();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> found = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                                + " .then(r => done(r.violations.map(v => ({id: v.id,"
                                + "   inVaadin: v.nodes.every(n => { const e = document.querySelector(n.target[0]);"
                                + "     return !!e && e.localName.startsWith('vaadin-'); }),"
                                + "   nodes: v.nodes.slice(0, 3)"
                                + "   .map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')) }))))"
                                + " .catch(e => done([{id: 'axe-error', nodes: [String(e)]}]));");
                List<String> ids = new ArrayList<>();
                for (Map<String, Object> v : found) {
                    String id = (String) v.get("id");
                    if (KNOWN_ELSEWHERE.getOrDefault(page, List.of()).contains(id)
                            || (VAADIN_INTERNALS.contains(id) && Boolean.TRUE.equals(v.get("inVaadin")))) {
                        continue;
                    }
                    ids.add(id + " " + v.get("nodes"));
                }
                if (!ids.isEmpty()) {
                    violations.put(role.getKey() + " /" + page, ids);
                }
            }
        }
        violations.forEach((k, v) -> System.out.println("AXE " + k + ": " + v));
        assertThat(violations).isEmpty();
    }
}
