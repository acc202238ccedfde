package io.auditflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Ctrl+K and "/" open the header search; typing finds a program and Enter opens it, at 1440 and at 390 px. */
@IntegrationTest
class GlobalSearchBrowserTest extends BrowserTest {

    @Autowired InboxFixture inbox;

    private void noHorizontalOverflow() {
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                .isLessThanOrEqualTo(1);
    }

    private void findAndOpen(Program program, String query, String shot) throws Exception {
        WebElement field = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            WebElement f = d.findElements(By.id("global-search-field")).stream().findFirst().orElse(null);
            return f != null && f.isDisplayed() ? f : null;
        });
        field.findElement(By.tagName("input")).sendKeys(query);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#global-search-results a"))
                .stream().anyMatch(a -> a.getText().contains(program.name())));
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        noHorizontalOverflow();
        assertThat((Boolean) js("const o = document.querySelector('vaadin-dialog-overlay');"
                + " const box = o.shadowRoot.querySelector('[part=overlay]');"
                + " return box.getBoundingClientRect().right <= window.innerWidth + 1 && box.scrollWidth <= box.clientWidth + 1;"))
                .as("the search dialog fits the window").isTrue();
        screenshot(shot);
        field.findElement(By.tagName("input")).sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/programs/" + program.id()));
        waitForVaadin();
    }

    @Test
    void ctrl_k_opens_the_search_typing_finds_a_program_and_enter_opens_it_on_a_laptop_and_a_phone() throws Exception {
        String tag = "emu" + System.nanoTime() % 1_000_000;
        Program program = inbox.program("Emu Cloud " + tag, "grc", Framework.SOC2_TYPE2);
        login("manager", "demo");
        open("inbox");
        waitFor(By.id("global-search-open"));

        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        findAndOpen(program, tag, "global-search-1440");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("inbox");
        waitFor(By.id("global-search-open"));
        js("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove())");
        noHorizontalOverflow();
        screenshot("global-search-header-390");
        js("document.body.focus()");
        new Actions(driver).sendKeys("/").perform();
        findAndOpen(program, "emu cloud " + tag, "global-search-390");
        noHorizontalOverflow();
    }
}
