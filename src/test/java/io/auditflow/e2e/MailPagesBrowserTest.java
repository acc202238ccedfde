package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutboxSender;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.support.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's mail page and a person's notification preferences in a real browser. */
@IntegrationTest
class MailPagesBrowserTest extends BrowserTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;

    @Test
    void an_admin_sees_held_mail_and_a_member_sees_their_preferences() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        outbox.enqueue(new OutgoingMail("browser:" + run, "TASK_REMINDER", "member", "member@auditflow.example",
                "Due tomorrow: Quarterly access review " + run, "text", "<p>html</p>", null, null));
        sender.sendDue();

        login("admin", "demo");
        open("admin/mail");
        waitFor(By.cssSelector("vaadin-grid"));
        assertThat(driver.findElement(By.id("smtp-note")).getText()).contains("No SMTP server is configured");
        screenshot("admin-mail");

        open("preferences/notifications");
        waitFor(By.id("pref-escalation"));
        assertThat(driver.findElement(By.id("pref-escalation")).getText()).contains("cannot be switched off");
        screenshot("notification-preferences");
    }
}
