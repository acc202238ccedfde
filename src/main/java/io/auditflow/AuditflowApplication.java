package io.auditflow;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: one process with the web UI, the REST API and the embedded Camunda engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("auditflow")
public class AuditflowApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AuditflowApplication.class, args);
    }
}
