package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Long German words fit where English ones did (issue 13): the inbox search's placeholder and the engagements
 * grid's headers are not cut off at 1440 and 390 pixels, and German text is hyphenated where it must break.
 */
@IntegrationTest
class GermanWordsFitBrowserTest extends BrowserTest {

    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void backToEnglish() {
        jdbc.update("delete from user_language where username = 'manager'");
    }

    /** The placeholder's width in the input's own font against the room the input has for text. */
    private static final String PLACEHOLDER_FITS = "const i = document.querySelector('#filter-search input');"
            + " if (!i || i.clientWidth === 0) return null;"
            + " const s = getComputedStyle(i); const c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
            + " const room = i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);"
            + " return [i.placeholder, Math.ceil(c.measureText(i.placeholder).width), Math.floor(room)];";

    /** Each header cell of the engagements grid: its text, the width it needs and the width it has. */
    private static final String HEADERS = "const g = document.querySelector('#engagement-grid'); if (!g) return null;"
            + " const cells = [...g.querySelectorAll('vaadin-grid-cell-content')].filter(c => c.assignedSlot"
            + "   && c.assignedSlot.parentElement && c.assignedSlot.parentElement.closest('thead'));"
            + " if (cells.length === 0) return null;"
            + " return cells.filter(c => c.textContent.trim()).map(c => [c.textContent.trim(), c.scrollWidth, c.clientWidth]);";

    @Test
    @SuppressWarnings("unchecked")
    void a_german_readers_placeholder_and_headers_are_not_cut_off_at_1440_and_390_pixels() throws Exception {
        jdbc.update("insert into user_language (username, language) values ('manager', 'de')");
        login("manager", "demo");
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            open("inbox");
            waitFor(By.id("filter-search"));
            waitForVaadin();
            // phones fold the filters away: unfold them as a person would before reading the placeholder
            js("const d = document.querySelector('#filter-search')?.closest('vaadin-details'); if (d && !d.opened) d.opened = true;");
            waitForVaadin();
            List<Object> search = (List<Object>) new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> js(PLACEHOLDER_FITS));
            assertThat(((Number) search.get(1)).intValue()).as("placeholder '" + search.get(0) + "' at " + size.getWidth())
                    .isLessThanOrEqualTo(((Number) search.get(2)).intValue());
            assertThat(js("return getComputedStyle(document.querySelector('vaadin-grid, .inbox-cards, body')).hyphens"))
                    .as("German text breaks at syllables, not anywhere").isEqualTo("auto");
            screenshot("german-fit-inbox-" + size.getWidth());

            open("engagements");
            waitFor(By.id("engagement-grid"));
            waitForVaadin();
            List<List<Object>> headers = (List<List<Object>>) new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> js(HEADERS));
            assertThat(headers).extracting(h -> h.get(0)).contains("Prüfungsgesellschaft");
            for (List<Object> h : headers) {
                assertThat(((Number) h.get(1)).intValue()).as("header '" + h.get(0) + "' at " + size.getWidth())
                        .isLessThanOrEqualTo(((Number) h.get(2)).intValue());
            }
            screenshot("german-fit-engagements-" + size.getWidth());
        }
    }
}
