package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Program;
import io.auditflow.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole loop in a real browser: the manager creates an engagement from the program page and
 * invites the auditor, imports the request list; the member answers with evidence; the auditor
 * sends it back with a comment; the member fixes it; the auditor accepts; the manager downloads the binder.
 */
@IntegrationTest
class EngagementBrowserTest extends BrowserTest {

    @Autowired EngagementFixture fx;
    @Autowired MilestoneService milestones;

    @Test
    void manager_member_and_auditor_take_a_request_from_import_to_the_binder() throws Exception {
        Program program = fx.program("Browser engagement");
        SystemAuthentication.run(() -> {
            milestones.plan(program.id(), MilestoneType.OBSERVATION_START, 1, LocalDate.parse("2025-07-01"));
            milestones.plan(program.id(), MilestoneType.OBSERVATION_END, 1, LocalDate.parse("2025-12-31"));
            milestones.plan(program.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.parse("2026-01-12"));
            milestones.plan(program.id(), MilestoneType.FIELDWORK_END, 1, LocalDate.parse("2026-02-27"));
        });

        // Manager: program page -> create engagement -> invite -> import.
        login("manager", "demo");
        open("programs/" + program.id());
        click(waitFor(By.id("create-engagement")));
        waitFor(By.id("engagement-dialog"));
        pick("engagement-audit", "observation window");
        waitFor(By.cssSelector("#engagement-firm input")).sendKeys("Example CPA LLP");
        screenshot("engagement-create-dialog");
        click(waitFor(By.id("engagement-save")));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().matches(".*/engagements/\\d+$"));
        long engagementId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/engagements/", ""));
        assertThat(waitFor(By.id("engagement-title")).getText()).contains("Type II observation window");
        pick("invite-auditor", "Otto Auditor");
        click(waitFor(By.id("invite-button")));
        waitUntilText(By.id("auditor-grid"), "Otto Auditor");
        Path csv = Files.createTempDirectory("pbc").resolve("request-list.csv");
        Files.write(csv, fx.bytes("\uFEFF" + EngagementFixture.CSV));
        driver.findElement(By.id("request-import")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(csv.toAbsolutePath().toString());
        waitUntilText(By.id("request-grid"), "PBC-02");
        screenshot("engagement-manager-1440");

        JsonNode pbc1 = fx.request("manager", engagementId, "PBC-01");
        long requestId = pbc1.get("id").asLong();

        // Member: answer in the inbox with evidence.
        switchUser("member");
        answerInInbox(requestId, "hires.pdf", "Population of hires attached.");

        // Auditor: lands on their engagements, sends the answer back with a comment.
        switchUser("auditor");
        assertThat(driver.getCurrentUrl()).endsWith("/engagements");
        waitUntilText(By.id("engagement-grid"), "Browser engagement");
        screenshot("engagement-auditor-start");
        open("engagements/requests/" + requestId);
        waitUntilText(By.id("request-evidence"), "hires.pdf");
        screenshot("request-auditor-review-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        // On a phone the evidence grid keeps file, date and download: nothing to scroll sideways inside it.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                js("const t = document.getElementById('request-evidence').shadowRoot.getElementById('table');"
                        + " return t.scrollWidth <= t.clientWidth + 1;")));
        screenshot("request-auditor-review-390");
        driver.manage().window().setSize(new Dimension(1440, 1000));
        typeInto(waitFor(By.cssSelector("#decision-comment textarea")), "Please add the start date of each hire.");
        click(driver.findElement(By.id("send-back")));
        waitUntilText(By.id("request-header"), "Needs revision");
        waitUntilText(By.id("request-thread"), "Please add the start date of each hire.");
        screenshot("request-sent-back");

        // Member: sees the comment, fixes it.
        switchUser("member");
        open("engagements/requests/" + requestId);
        waitUntilText(By.id("request-thread"), "Please add the start date");
        screenshot("request-member-needs-revision");
        answerInInbox(requestId, "hires-with-dates.pdf", "Start dates added.");

        // Auditor accepts.
        switchUser("auditor");
        open("engagements/requests/" + requestId);
        waitUntilText(By.id("request-answer"), "Start dates added.");
        click(waitFor(By.id("accept-request")));
        waitUntilText(By.id("request-header"), "Accepted");
        screenshot("request-accepted");

        // Manager downloads the binder.
        switchUser("manager");
        open("engagements/" + engagementId);
        waitUntilText(By.id("engagement-progress"), "Accepted: 1");
        screenshot("engagement-manager-progress-1440");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("engagement-manager-progress-390");
        driver.manage().window().setSize(new Dimension(1440, 1000));
        String href = waitFor(By.id("binder-download")).getAttribute("href");
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
                        + " let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                        + " done(btoa(s)); }).catch(e => done('ERR ' + e));", href);
        byte[] zip = Base64.getDecoder().decode((String) base64);
        Map<String, byte[]> entries = EngagementLoopTest.unzip(zip);
        assertThat(entries).containsKeys("manifest.csv", "manifest.json", "index.pdf");
        String manifest = new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(manifest).contains("PBC-01").contains("hires.pdf").contains("hires-with-dates.pdf")
                .contains(EngagementLoopTest.sha256(EvidenceSamples.pdf()));
    }

    private void answerInInbox(long requestId, String fileName, String answer) throws Exception {
        open("engagements/requests/" + requestId);
        click(waitFor(By.id("answer-in-inbox")));
        waitFor(By.id("evidence-upload"));
        Path file = Files.createTempDirectory("evidence").resolve(fileName);
        Files.write(file, EvidenceSamples.pdf());
        driver.findElement(By.id("evidence-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        waitUntilText(By.id("evidence-grid"), fileName);
        typeInto(waitFor(By.cssSelector("#form-answer textarea")), answer);
        screenshot("member-answers-" + fileName.replace(".pdf", ""));
        click(driver.findElement(By.id("complete-task")));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/inbox/task/"));
        waitForVaadin();
    }

    private void switchUser(String user) {
        driver.manage().deleteAllCookies();
        login(user, "demo");
    }

    private void pick(String comboId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + comboId + " input"));
        click(input);
        input.sendKeys(text);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitForVaadin();
    }

    private void typeInto(WebElement field, String text) {
        js("arguments[0].scrollIntoView({block: 'center'});", field);
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
        waitForVaadin();
    }

    private void waitUntilText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                return d.findElement(by).getText().contains(text)
                        || String.valueOf(js("return arguments[0].innerText + ' ' + (arguments[0].shadowRoot ? '' : '');",
                        d.findElement(by))).contains(text)
                        || d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream().anyMatch(c -> c.getText().contains(text));
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        waitForVaadin();
    }

    private void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        waitForVaadin();
    }
}
