package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Every lifecycle process renders as a diagram in Cockpit; the demo program page shows its running lifecycle. */
@IntegrationTest
class ProcessDiagramBrowserTest extends BrowserTest {

    @Autowired RepositoryService repository;
    @Autowired ProgramService programs;

    @ParameterizedTest(name = "{0} renders in Cockpit")
    @ValueSource(strings = {"soc2EngagementProcess", "soc2RenewalProcess", "iso27001CertificationProcess",
            "correctiveActionProcess"})
    void each_process_definition_renders_its_diagram_in_cockpit(String key) throws Exception {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        login("admin", "demo");
        driver.get(url("camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime"));
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.cssSelector(".djs-container svg g.djs-element")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("cockpit-" + key + "-failed");
            java.nio.file.Files.writeString(SCREENSHOTS.resolve("cockpit-" + key + "-failed.html"), driver.getPageSource());
            throw e;
        }
        // Let the viewer finish fitting the diagram into its frame before the picture.
        Thread.sleep(1500);
        int shapes = driver.findElements(By.cssSelector(".djs-container g.djs-shape")).size();
        assertThat(shapes).as("shapes drawn for " + key).isGreaterThan(10);
        Path shot = screenshot("cockpit-" + key);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void the_demo_soc2_program_page_shows_its_running_lifecycle() throws Exception {
        Long id = programs.list(true).stream().filter(p -> p.name().equals("Acme Cloud SOC 2 Type II")).findFirst()
                .orElseThrow().id();
        login("manager", "demo");
        open("programs/" + id);
        waitFor(By.id("lifecycle-state"));
        assertThat(driver.findElement(By.id("lifecycle-state")).getText()).contains("SOC 2 annual renewal");
        screenshot("program-lifecycle-soc2");
    }
}
