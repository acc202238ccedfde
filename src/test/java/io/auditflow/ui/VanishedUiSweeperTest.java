package io.auditflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Decision 0146: the screen of a browser that vanished without unloading the page (no unload
 * message, no more heartbeats) leaves the server's memory after about three missed heartbeats, not
 * at the session timeout. A heartbeat every second here (three missed: 3.1 s), a minute in production.
 */
@IntegrationTest
@TestPropertySource(properties = "vaadin.heartbeatInterval=1")
class VanishedUiSweeperTest extends BrowserTest {

    @Autowired
    VanishedUiSweeper sweeper;

    @Test
    void the_ui_of_a_browser_that_stopped_sending_heartbeats_is_removed_after_three_missed_heartbeats()
            throws InterruptedException {
        login("member", "demo");
        open("inbox");
        waitFor(By.cssSelector("vaadin-grid"));

        // An open tab keeps its screen: its heartbeats arrive, so several sweeps leave it alone,
        // and it is the only screen left (the sign-in page's screen is gone).
        Thread.sleep(6_000);
        assertThat(sweeper.openUis()).as("screens on the server while the tab is open").isEqualTo(1);
        assertThat(driver.findElements(By.cssSelector("vaadin-grid"))).as("the inbox still shown").hasSize(1);

        // The browser vanishes: its session cookie is gone, so not even the unload message reaches the
        // session, and no heartbeat comes any more.
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
        long vanished = System.nanoTime();
        while (sweeper.openUis() > 0 && System.nanoTime() - vanished < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - vanished) / 1e9;

        assertThat(sweeper.openUis()).as("screens on the server 30 s after the browser vanished").isZero();
        // the last heartbeat came at most 1 s before the browser vanished; 3.1 s without one is the limit
        assertThat(seconds).as("seconds until the screen was removed").isBetween(2.0, 15.0);
    }
}
