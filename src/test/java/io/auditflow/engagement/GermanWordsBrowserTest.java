package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engagement page and the dashboard for a German manager in real Chromium, at 1440 and 390 px: German words, nothing off screen. */
@IntegrationTest
class GermanWordsBrowserTest extends BrowserTest {

    @Autowired EngagementService engagements;
    @Autowired RequestService requests;
    @Autowired InboxFixture inbox;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void backToEnglish() {
        jdbc.update("delete from user_language where username = 'manager'");
    }

    @Test
    void a_german_manager_reads_the_engagement_page_and_dashboard_in_german_on_a_laptop_and_a_phone() throws Exception {
        Program program = inbox.program("Deutsch Prüfung", "grc");
        long id = SystemAuthentication.call(() -> {
            long e = engagements.create(new EngagementForm(program.id(), "OBSERVATION_END", 1, null, "Beispiel WP GmbH", null,
                    null, null, LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31"))).id();
            requests.importCsv(e, EngagementFixture.bytes(EngagementFixture.CSV));
            return e;
        });
        jdbc.update("delete from user_language where username = 'manager'");
        jdbc.update("insert into user_language (username, language) values ('manager', 'de')");

        login("manager", "demo");
        driver.manage().window().setSize(new Dimension(1440, 1000));
        open("engagements/" + id);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("request-grid")).getText().contains("15.02.2026"));
        String page = driver.findElement(By.cssSelector("vaadin-vertical-layout.engagement-view")).getText();
        // labels and headings are upper-cased by the theme's CSS
        assertThat(page).containsIgnoringCase("Zeitraum, in dem Nachweise zählen").containsIgnoringCase("Anforderungen")
                .contains("01.07.2025 – 31.12.2025", "Offen: 2").doesNotContain("2025-07-01");
        screenshot("words-engagement-de-1440");
        assertNoHorizontalOverflow();
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("words-engagement-de-390");
        assertNoHorizontalOverflow();

        driver.manage().window().setSize(new Dimension(1440, 1000));
        open("dashboard");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("dashboard-answers")).getText().toLowerCase().contains("iso-zertifikate"));
        assertThat(driver.findElement(By.id("dashboard-answers")).getText()).containsIgnoringCase("SOC-2-Abdeckung")
                .containsIgnoringCase("Überfällig oder versäumt");
        screenshot("words-dashboard-de-1440");
        assertNoHorizontalOverflow();
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("words-dashboard-de-390");
        assertNoHorizontalOverflow();
    }
}
