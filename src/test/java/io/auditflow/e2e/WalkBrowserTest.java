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
    @Autowired
    io.auditflow.mail.MailOutbox outbox;

    /** Rows of a grid that are at least partly inside the grid's visible box. */
    private long visibleRows(String gridId) {
        return ((Number) js("const g = document.getElementById(arguments[0]); const box = g.getBoundingClientRect();"
                + " return Array.from(g.shadowRoot.querySelectorAll('tbody#items tr:not([hidden])')).filter(tr => {"
                + " const r = tr.getBoundingClientRect(); return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom; }).length;",
                gridId)).longValue();
    }

    /** How many pixels of a text field's placeholder do not fit its box (0 or less: it fits). */
    private double placeholderCutOff(String fieldId) {
        return ((Number) js("const i = document.querySelector('#' + arguments[0] + ' input'); const cs = getComputedStyle(i);"
                + " const c = document.createElement('canvas').getContext('2d'); c.font = cs.font;"
                + " return c.measureText(i.placeholder).width - (i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));",
                fieldId)).doubleValue();
    }

    @Test
    void the_admins_mail_search_and_the_account_language_show_their_whole_words() {
        login("admin", "demo");
        open("admin/mail");
        waitFor(By.id("mail-search"));
        assertThat(placeholderCutOff("mail-search")).as("mail search placeholder cut off (px)").isLessThanOrEqualTo(0);
        open("account");
        waitFor(By.id("language"));
        Number labelCut = (Number) js("const part = document.getElementById('language').shadowRoot.querySelector('[part=label]');"
                + " return part.scrollWidth - part.clientWidth;");
        assertThat(labelCut.intValue()).as("language label cut off (px)").isLessThanOrEqualTo(0);
    }

    /** Cells of a grid (header cells too) whose words end in "…" because they do not fit. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> cutCells(String gridId) {
        return (java.util.List<String>) js("return Array.from(document.querySelectorAll('#' + arguments[0] + ' > vaadin-grid-cell-content'))"
                + ".filter(c => c.assignedSlot && c.textContent.trim() && c.scrollWidth > c.clientWidth + 1)"
                + ".map(c => c.textContent.trim() + ' ' + c.scrollWidth + '/' + c.clientWidth);", gridId);
    }

    @Test
    void at_1440_px_the_users_and_mail_grids_cut_no_address_role_or_header() {
        String run = java.util.UUID.randomUUID().toString().substring(0, 6);
        outbox.enqueue(new io.auditflow.mail.OutgoingMail("walk:" + run, "TASK_REMINDER", "executive", "executive@auditflow.example",
                "Due tomorrow: Quarterly access review " + run, "text", "<p>html</p>", null, null));
        login("admin", "demo");
        driver.manage().window().setSize(new Dimension(1440, 900));
        open("admin/users");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !cutCellsOrEmpty("users-grid"));
        assertThat(cutCells("users-grid")).as("cut cells in Users").isEmpty();
        open("admin/mail");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !cutCellsOrEmpty("mail-grid"));
        assertThat(cutCells("mail-grid")).as("cut cells in Mail").isEmpty();
        // an address that wraps breaks before its "@", not inside the domain ("member@auditflow.e" / "xample")
        @SuppressWarnings("unchecked")
        java.util.List<String> brokenDomains = (java.util.List<String>) js("const out = [];"
                + " for (const c of document.querySelectorAll('#mail-grid > vaadin-grid-cell-content')) {"
                + "   if (!c.assignedSlot) continue;"
                + "   const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT); let n;"
                + "   while ((n = walker.nextNode())) { const at = n.data.indexOf('@'); if (at < 0) continue;"
                + "     const r = document.createRange(); r.setStart(n, at); r.setEnd(n, n.data.length);"
                + "     const tops = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));"
                + "     if (tops.size > 1) out.push(c.textContent.trim()); } }"
                + " return out;");
        assertThat(brokenDomains).as("addresses broken inside the domain").isEmpty();
    }

    /** True while the grid has not drawn its rows yet. */
    private boolean cutCellsOrEmpty(String gridId) {
        return ((Number) js("return Array.from(document.querySelectorAll('#' + arguments[0] + ' > vaadin-grid-cell-content'))"
                + ".filter(c => c.textContent.includes('@')).length;", gridId)).intValue() == 0;
    }

    @Test
    void on_an_engagement_the_requests_words_get_the_widest_column() {
        Long id = jdbc.queryForObject("select min(e.id) from engagement e join audit_program p on p.id = e.program_id"
                + " where p.name = 'Acme Cloud SOC 2 Type II'", Long.class);
        login("member", "demo");
        driver.manage().window().setSize(new Dimension(1440, 900));
        open("engagements/" + id);
        waitFor(By.id("request-grid"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> widths = (java.util.Map<String, Object>) js(
                "const heads = ['Ref', 'Request', 'Criteria', 'Due', 'Team', 'Status']; const w = {};"
                + " for (const c of document.querySelectorAll('#request-grid > vaadin-grid-cell-content')) { const t = c.textContent.trim();"
                + "   if (heads.includes(t) && c.assignedSlot && !(t in w)) w[t] = c.assignedSlot.parentElement.getBoundingClientRect().width; }"
                + " return w;");
        assertThat(widths).hasSize(6);
        double request = ((Number) widths.get("Request")).doubleValue();
        widths.forEach((head, width) -> {
            if (!head.equals("Request")) {
                assertThat(request).as("Request column vs " + head + " " + widths).isGreaterThan(((Number) width).doubleValue());
            }
        });
    }

    /**
     * How far a select's chosen words reach into the faded end of its value (0 or less: they are whole). Lumo
     * fades the value's last 20 px out (a mask on the value button), so words ending there look cut off.
     */
    private double selectTextPastArrow(String selectCss) {
        return ((Number) js("const sel = document.querySelector(arguments[0]); const vb = sel.querySelector('vaadin-select-value-button');"
                + " const range = document.createRange(); range.selectNodeContents(vb.querySelector('vaadin-select-item'));"
                + " return range.getBoundingClientRect().right - (vb.getBoundingClientRect().right - 20);",
                selectCss)).doubleValue();
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
        assertThat(selectTextPastArrow(".crosswalk-page vaadin-select")).as("direction text past the select's arrow (px)").isLessThanOrEqualTo(0);
        assertThat(placeholderCutOff("crosswalk-search")).as("filter placeholder cut off (px)").isLessThanOrEqualTo(0);
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
    void an_admins_long_menu_scrolls_in_its_own_box_and_the_drawer_has_no_second_scrollbar() {
        login("admin", "demo");
        driver.manage().window().setSize(new Dimension(1440, 900));
        open("admin/teams");
        waitFor(By.cssSelector("vaadin-side-nav.main-nav"));
        Number menuOverflow = (Number) js("const s = document.querySelector('vaadin-scroller[slot=drawer]'); return s.scrollHeight - s.clientHeight;");
        assertThat(menuOverflow.intValue()).as("the admin's menu is longer than its box at this height").isPositive();
        Number drawerScrollbar = (Number) js("const d = document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[part=drawer]');"
                + " const cs = getComputedStyle(d);"
                + " return d.offsetWidth - d.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);");
        assertThat(drawerScrollbar.doubleValue()).as("width of the drawer's own scrollbar").isLessThanOrEqualTo(0);
    }

    @Test
    void the_timeline_shows_the_demo_programs_names_whole_on_a_laptop_and_on_a_phone() {
        login("executive", "demo");
        for (int width : new int[] {1440, 390}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            open("timeline");
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                    "const el = document.getElementById('timeline-chart');"
                            + " return !!el && !el.hasAttribute('aria-busy') && !!el.querySelector('.tl-name a');")));
            @SuppressWarnings("unchecked")
            java.util.List<String> cut = (java.util.List<String>) js("return Array.from(document.querySelectorAll('.tl-name a'))"
                    + ".filter(a => a.textContent.startsWith('Acme '))"
                    + ".filter(a => a.scrollWidth > a.clientWidth + 1 || a.scrollHeight > a.clientHeight + 1 || a.title !== a.textContent)"
                    + ".map(a => a.textContent);");
            assertThat(js("return document.querySelectorAll('.tl-name a').length")).as("lanes").isNotEqualTo(0L);
            assertThat(cut).as("program names cut off at width " + width).isEmpty();
            if (width == 1440) {
                assertThat(selectTextPastArrow("#timeline-range")).as("range text past the select's arrow (px)").isLessThanOrEqualTo(0);
            }
        }
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
