package io.auditflow.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider's sign-in in a real Chromium: the button on the login page, the provider's form, and
 * landing in the app; a refused person sees why. The app is opened as 127.0.0.1 (the provider refuses
 * "localhost" in redirect URIs).
 */
@IntegrationTest
class SsoBrowserTest extends BrowserTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SsoIntegrationTest.provider(registry);
    }

    private String app(String path) {
        TestOidcProvider.APP_PORT.set(port);
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void the_login_page_offers_the_company_sign_in_and_it_lands_a_mapped_user_on_their_start_page() throws Exception {
        driver.get(app("/login"));
        waitForVaadin();
        WebElement button = waitFor(By.id("sso-company"));
        assertThat(button.getText()).isEqualTo("Sign in with Example Corp");
        assertThat(driver.findElements(By.id("vaadinLoginUsername"))).as("the local form stays").isNotEmpty();
        screenshot("sso-login-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("sso-login-390");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
        driver.manage().window().setSize(new Dimension(1440, 1000));

        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys("jane.doe");
        driver.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/programs"));
        waitFor(By.cssSelector("vaadin-side-nav"));
        assertThat(driver.findElement(By.id("current-user")).getText()).contains("Jane Doe");
        screenshot("sso-landed-manager");
    }

    @Test
    void signing_out_ends_the_session_at_the_provider_too_so_the_next_company_sign_in_asks_again() throws Exception {
        driver.get(app("/oauth2/authorization/company"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys("jane.doe");
        driver.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/programs"));
        waitForVaadin();
        // Before: a second company sign-in passes straight through, the provider still knows her.
        driver.get(app("/oauth2/authorization/company"));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/programs"));
        waitForVaadin();

        waitFor(By.id("sign-out")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith(app("/login?logout")));
        waitForVaadin();
        screenshot("sso-signed-out");

        // After: the provider asks for the password again, and the app's pages need a new sign-in.
        driver.get(app("/oauth2/authorization/company"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(driver.getCurrentUrl()).startsWith(TestOidcProvider.issuer());
        driver.get(app("/programs"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
    }

    @Test
    void a_person_without_a_mapped_group_reads_why_on_the_login_page() throws Exception {
        driver.get(app("/oauth2/authorization/company"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys("bob.nobody");
        driver.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/login?sso=no_role"));
        waitForVaadin();
        WebElement message = waitFor(By.className("login-sso-refused"));
        assertThat(message.getText()).startsWith("Your account at the company's sign-in has no Auditflow role.");
        screenshot("sso-refused-no-role");
    }
}
