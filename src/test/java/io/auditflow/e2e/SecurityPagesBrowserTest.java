package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** What people see of issue 10 part B in a real browser: the app's own error page, the audit trail page. */
@IntegrationTest
class SecurityPagesBrowserTest extends BrowserTest {

    @Test
    void a_member_opening_cockpit_gets_the_apps_own_page_not_whitelabel() throws Exception {
        login("member", "demo");
        driver.get(url("camunda/app/cockpit/default/"));
        String page = driver.getPageSource();
        assertThat(page).doesNotContain("Whitelabel").doesNotContain("Exception");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This page is not here");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Your role may not open this page");
        screenshot("cockpit-refused-member");
    }

    @Test
    void the_audit_trail_page_reads_at_desktop_and_phone_width() throws Exception {
        login("admin", "demo");
        open("admin/audit");
        waitFor(By.id("audit-grid"));
        driver.findElement(By.id("audit-verify")).click();
        waitForVaadin();
        assertThat(driver.findElement(By.id("audit-verdict")).getText()).startsWith("Chain intact");
        screenshot("audit-trail-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        waitForVaadin();
        Object overflow = js("return document.documentElement.scrollWidth > window.innerWidth;");
        screenshot("audit-trail-390");
        assertThat(overflow).isEqualTo(false);
    }
}
