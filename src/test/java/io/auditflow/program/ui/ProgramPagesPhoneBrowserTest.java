package io.auditflow.program.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The programs list and a program's page on a phone: everything a manager needs is on the screen. */
@IntegrationTest
class ProgramPagesPhoneBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void on_a_phone_the_new_program_button_is_on_screen_and_neither_page_scrolls_sideways() throws Exception {
        login("manager", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("programs");
        WebElement create = waitFor(By.id("new-program"));
        Number right = (Number) js("return arguments[0].getBoundingClientRect().right;", create);
        assertThat(right.doubleValue()).as("right edge of '+ New'").isLessThanOrEqualTo(390);
        assertNoHorizontalOverflow();
        screenshot("programs-390");

        // The demo SOC 2 Type II program: the longest badges (framework, coverage) of the demo data.
        Long id = jdbc.queryForObject("select min(id) from audit_program where framework = 'SOC2_TYPE2'", Long.class);
        open("programs/" + id);
        waitFor(By.id("program-title"));
        assertNoHorizontalOverflow();
        screenshot("program-390");
    }
}
