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
 * Vaadin's own words (read aloud or shown) are German for a German reader: grid selection (all and each row), the
 * drawer toggle, the password field's reveal button and the menu bar's overflow button (admin Users and Mail).
 */
@IntegrationTest
class GermanComponentWordsBrowserTest extends BrowserTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired io.auditflow.mail.MailOutbox outbox;

    @AfterEach
    void backToEnglish() {
        jdbc.update("delete from user_language where username in ('manager', 'admin')");
    }

    private String waitForText(String script) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            Object value = js(script);
            return value == null || value.toString().isEmpty() ? null : value.toString();
        });
    }

    @Test
    void a_german_manager_hears_german_labels_on_vaadins_own_controls_at_1440_and_390_pixels() throws Exception {
        jdbc.update("insert into user_language (username, language) values ('manager', 'de')");
        login("manager", "demo");
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            open("inbox");
            waitFor(By.cssSelector("vaadin-app-layout"));
            waitForVaadin();
            assertThat(waitForText("return document.querySelector('vaadin-drawer-toggle')?.getAttribute('aria-label')"))
                    .isEqualTo("Navigation ein- oder ausblenden");
            if (size.getWidth() > 800) { // phones get cards without selection
                assertThat(waitForText("const c = document.querySelector('vaadin-checkbox.vaadin-grid-select-all-checkbox');"
                        + " return c && c.accessibleName !== 'Select All' ? c.accessibleName : null")).isEqualTo("Alle auswählen");
                assertThat(waitForText("const c = document.querySelector('vaadin-grid-cell-content > vaadin-checkbox:not(.vaadin-grid-select-all-checkbox)');"
                        + " return c && c.accessibleName !== 'Select Row' ? c.accessibleName : null")).isEqualTo("Zeile auswählen");
            }
            screenshot("german-words-inbox-" + size.getWidth());

            open("account");
            waitFor(By.cssSelector("vaadin-password-field"));
            waitForVaadin();
            assertThat(waitForText("const b = [...document.querySelectorAll('vaadin-password-field vaadin-password-field-button')];"
                    + " return b.length > 0 && b.every(x => x.getAttribute('aria-label') === 'Passwort anzeigen') ? 'Passwort anzeigen' : null"))
                    .isEqualTo("Passwort anzeigen");
            screenshot("german-words-account-" + size.getWidth());
        }
    }

    /** The overflow button of the row menus, however the menu bar puts it: light DOM (slot) or its shadow root. */
    private static final String OVERFLOW_LABELS = "const bars = [...document.querySelectorAll('vaadin-menu-bar')];"
            + " if (bars.length === 0) return null;"
            + " const labels = bars.map(m => (m.querySelector('[slot=\\'overflow\\']') || m.shadowRoot?.querySelector('[part~=\\'overflow-button\\']')"
            + "   || m._overflow)?.getAttribute('aria-label'));"
            + " return labels.every(l => l === labels[0]) ? labels[0] : labels.join('|');";

    @Test
    void a_german_admin_hears_german_on_the_menu_bars_overflow_button_on_users_and_mail() throws Exception {
        jdbc.update("insert into user_language (username, language) values ('admin', 'de')");
        // one mail in the outbox, so the Mail page has a row with its menu
        outbox.enqueue(new io.auditflow.mail.OutgoingMail("WORDS-MENU:" + java.util.UUID.randomUUID(), "DIGEST", "admin",
                "admin@example.test", "Menu words", "text", "<p>text</p>", null, null));
        login("admin", "demo");
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            for (String page : List.of("admin/users", "admin/mail")) {
                open(page);
                waitFor(By.cssSelector("vaadin-grid"));
                waitForVaadin();
                assertThat(waitForText("const l = (() => { " + OVERFLOW_LABELS + " })(); return l && l !== 'More options' ? l : null"))
                        .as(page + " at " + size.getWidth()).isEqualTo("Weitere Optionen");
                screenshot("german-words-" + page.replace('/', '-') + "-" + size.getWidth());
            }
        }
    }

    @Test
    void an_english_admin_keeps_more_options() {
        login("admin", "demo");
        open("admin/users");
        waitFor(By.cssSelector("vaadin-menu-bar"));
        waitForVaadin();
        assertThat(waitForText("return (() => { " + OVERFLOW_LABELS + " })()")).isEqualTo("More options");
    }

    @Test
    void an_english_reader_keeps_vaadins_own_words() {
        login("manager", "demo");
        open("account");
        waitFor(By.cssSelector("vaadin-password-field"));
        waitForVaadin();
        assertThat(waitForText("return document.querySelector('vaadin-password-field vaadin-password-field-button')?.getAttribute('aria-label')"))
                .isEqualTo("Show password");
    }
}
