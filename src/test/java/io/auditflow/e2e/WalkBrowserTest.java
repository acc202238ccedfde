package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the walk of 2026-12-01 found on the screens a new user reaches from the menu (docs/ui.md, "Walk of
 * 2026-12-01"): each check failed before its fix.
 */
@IntegrationTest
class WalkBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    /** Rows of a grid that are at least partly inside the grid's visible box. */
    private long visibleRows(String gridId) {
        return ((Number) js("const g = document.getElementById(arguments[0]); const box = g.getBoundingClientRect();"
                + " return Array.from(g.shadowRoot.querySelectorAll('tbody#items tr:not([hidden])')).filter(tr => {"
                + " const r = tr.getBoundingClientRect(); return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom; }).length;",
                gridId)).longValue();
    }

    @Test
    void the_crosswalk_shows_its_mappings_and_not_only_one_row_above_the_unmapped_list() {
        login("member", "demo");
        open("crosswalk");
        waitFor(By.id("crosswalk-grid"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> visibleRows("crosswalk-grid") > 0);
        // 900 px high: the page has room for many mappings; the grid was squeezed to one row by the "not mapped" list
        assertThat(visibleRows("crosswalk-grid")).as("mappings visible at once").isGreaterThanOrEqualTo(5);
        // the direction and the filter show their whole words: the chosen direction ends before the select's
        // arrow, the placeholder is no wider than the field's room for text
        Number overlap = (Number) js("const sel = document.querySelector('.crosswalk-page vaadin-select');"
                + " const range = document.createRange(); range.selectNodeContents(sel.querySelector('vaadin-select-value-button vaadin-select-item'));"
                + " return range.getBoundingClientRect().right - sel.shadowRoot.querySelector('[part~=toggle-button]').getBoundingClientRect().left;");
        assertThat(overlap.doubleValue()).as("direction text past the select's arrow (px)").isLessThanOrEqualTo(0);
        Number missing = (Number) js("const i = document.querySelector('#crosswalk-search input'); const cs = getComputedStyle(i);"
                + " const c = document.createElement('canvas').getContext('2d'); c.font = cs.font;"
                + " return c.measureText(i.placeholder).width - (i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));");
        assertThat(missing.doubleValue()).as("filter placeholder cut off (px)").isLessThanOrEqualTo(0);
    }

    @Test
    void on_a_phone_a_long_task_name_takes_at_most_two_lines_of_the_header() {
        String id = jdbc.queryForObject("select task_id from inbox_task where state = 'OPEN' and candidate_group = 'grc'"
                + " order by length(name) desc, task_id limit 1", String.class);
        login("manager", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("inbox/task/" + id);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((String) js(
                "const h = document.querySelector('h2.page-title'); return h ? h.textContent : '';")).length() > 40);
        Number lines = (Number) js("const h = document.querySelector('h2.page-title');"
                + " return h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight);");
        assertThat(lines.doubleValue()).as("lines of the header's title").isLessThanOrEqualTo(2.1);
        assertNoHorizontalOverflow();
    }

    @Test
    void on_a_phone_evidence_and_calendar_feeds_do_not_scroll_sideways() {
        login("member", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("evidence");
        waitFor(By.id("evidence-program"));
        assertNoHorizontalOverflow();
        open("feeds");
        waitFor(By.id("feed-regenerate-user"));
        assertNoHorizontalOverflow();
    }
}
