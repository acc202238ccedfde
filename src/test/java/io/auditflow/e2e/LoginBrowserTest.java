package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in as each demo role in a real Chromium, and what people see when something is off. */
@IntegrationTest
class LoginBrowserTest extends BrowserTest {

    @ParameterizedTest(name = "{0} signs in and lands on {1}")
    @CsvSource({
            "admin,     admin/users",
            "manager,   programs",
            "member,    inbox",
            "executive, timeline",
            "auditor,   engagements",
    })
    void each_demo_role_signs_in_and_lands_on_its_start_page(String user, String startPage) throws Exception {
        login(user, "demo");
        waitFor(By.cssSelector("vaadin-side-nav"));
        assertThat(driver.getCurrentUrl()).endsWith("/" + startPage);
        assertThat(driver.findElement(By.id("current-user")).getText()).isNotBlank();
        screenshot("start-page-" + user);
    }

    @Test
    void the_auditflow_theme_from_the_frontend_folder_is_applied() {
        login("manager", "demo");
        Object marker = js("return getComputedStyle(document.documentElement).getPropertyValue('--af-theme-loaded').trim();");
        assertThat(marker).isEqualTo("1");
    }

    @Test
    void a_wrong_password_gets_one_plain_message() throws Exception {
        login("manager", "not-the-password");
        assertThat(driver.getCurrentUrl()).contains("/login");
        assertThat(driver.findElements(By.cssSelector("vaadin-login-form[error]"))).isNotEmpty();
        String text = (String) js("return document.querySelector('vaadin-login-form').shadowRoot"
                + " ? document.querySelector('vaadin-login-form').innerText + document.body.innerText : document.body.innerText;");
        assertThat(String.valueOf(js("return document.querySelector('vaadin-login-form').i18n.errorMessage.message;")))
                .contains("user name or password is not right");
        assertThat(text).doesNotContain("Exception");
        screenshot("login-wrong-password");
    }

    @Test
    void an_unknown_address_and_a_forbidden_page_show_a_friendly_page() throws Exception {
        login("member", "demo");
        open("no/such/page");
        waitFor(By.cssSelector(".error-view"));
        assertThat(driver.findElement(By.cssSelector(".error-view h2")).getText()).isEqualTo("This page is not here");
        assertThat(driver.getPageSource()).doesNotContain("Exception").doesNotContain("at io.auditflow");
        screenshot("not-found-member");
        open("admin/users");
        waitFor(By.cssSelector(".error-view"));
        assertThat(driver.findElement(By.cssSelector(".error-view h2")).getText()).isEqualTo("This page is not here");
    }

    @Test
    void an_admin_opens_cockpit_with_the_same_login() throws Exception {
        login("admin", "demo");
        driver.get(url("camunda/app/cockpit/default/"));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getPageSource().contains("Processes")
                || d.getPageSource().contains("Dashboard"));
        assertThat(driver.getCurrentUrl()).contains("/camunda/app/cockpit/");
        assertThat(driver.getPageSource()).doesNotContain("name=\"username\"");
        screenshot("cockpit-admin");
    }

    @Test
    void a_member_cannot_open_cockpit() {
        login("member", "demo");
        driver.get(url("camunda/app/cockpit/default/"));
        assertThat(driver.getPageSource()).doesNotContain("Dashboard").doesNotContain("Processes");
    }
}
