package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.SoaService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.support.BrowserTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The control, SoA, account and settings screens in German fit a laptop and a phone and show German words. */
@IntegrationTest
class GermanScreensBrowserTest extends BrowserTest {

    @Autowired ProgramService programs;
    @Autowired SoaService soa;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void backToEnglish() {
        jdbc.update("delete from user_language where username = 'manager'");
    }

    private long horizontalOverflow() {
        return ((Number) js("""
                const limit = window.innerWidth;
                let worst = document.documentElement.scrollWidth - limit;
                document.querySelectorAll('vaadin-app-layout *').forEach(e => {
                  if (e.closest('vaadin-grid') && e.localName !== 'vaadin-grid') return;
                  if (e.closest('[slot="drawer"]')) return;
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.height > 0) worst = Math.max(worst, Math.ceil(r.right - limit));
                });
                return worst;""")).longValue();
    }

    @Test
    void a_german_manager_reads_german_words_on_the_control_screens_at_1440_and_390_pixels() throws Exception {
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("ISMS Browser " + UUID.randomUUID(),
                Framework.ISO27001, EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id();
        SystemAuthentication.run(() -> soa.startDraft(id));
        jdbc.update("insert into user_language (username, language) values ('manager', 'de')");
        login("manager", "demo");
        Map<String, String> pages = Map.of(
                "soa/" + id, "Version 1: Entwurf",
                "controls", "Verantwortliches Team",
                "controls/USER_ACCESS_REVIEW", "Erfüllte Anforderungen",
                "crosswalk", "Nicht zugeordnet",
                "account", "Zweiter Faktor",
                "reminders/settings", "Standardwerte verwenden");
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            for (var page : pages.entrySet()) {
                open(page.getKey());
                waitFor(By.cssSelector("vaadin-app-layout"));
                waitForVaadin();
                assertThat(driver.findElement(By.tagName("body")).getText()).as(page.getKey()).contains(page.getValue());
                // the page says its language, so a screen reader pronounces the words as German (WCAG 3.1.1)
                assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).as(page.getKey()).isEqualTo("de");
                assertThat(horizontalOverflow()).as(page.getKey() + " at " + size).isLessThanOrEqualTo(0);
                screenshot("german-" + page.getKey().replaceAll("[^a-z0-9]+", "-").replaceAll("-[0-9]+$", "") + "-" + size.getWidth());
            }
        }
    }
}
