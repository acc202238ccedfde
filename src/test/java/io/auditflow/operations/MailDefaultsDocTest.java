package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** Issue 15: the reminder and mail defaults that docs/reminders.md shows are the ones application.yml sets. */
class MailDefaultsDocTest {

    @Test
    void the_settings_shown_in_the_reminders_guide_are_exactly_the_defaults_of_application_yml() throws Exception {
        String doc = Files.readString(Path.of("docs", "reminders.md"));
        int settings = doc.indexOf("## Settings");
        int start = doc.indexOf("```yaml", settings) + "```yaml".length();
        String block = doc.substring(start, doc.indexOf("```", start));
        Properties shown = yaml(new ByteArrayResource(block.getBytes()));
        YamlPropertiesFactoryBean app = new YamlPropertiesFactoryBean();
        app.setResources(new ClassPathResource("application.yml"));
        Properties configured = app.getObject();

        assertThat(shown).containsKeys("auditflow.mail.from", "auditflow.mail.lease", "auditflow.reminders.tick");
        assertThat(shown.getProperty("auditflow.mail.from")).isEqualTo("${AUDITFLOW_MAIL_FROM:Auditflow <auditflow@localhost>}");
        for (String key : shown.stringPropertyNames()) {
            assertThat(configured.getProperty(key)).as(key).isEqualTo(shown.getProperty(key));
        }
    }

    private static Properties yaml(org.springframework.core.io.Resource resource) {
        YamlPropertiesFactoryBean y = new YamlPropertiesFactoryBean();
        y.setResources(resource);
        return y.getObject();
    }
}
