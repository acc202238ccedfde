package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

class BaseUrlCheckTest {

    private static BaseUrlCheck check(String baseUrl, String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        return new BaseUrlCheck(new AuditflowProperties(ZoneId.of("UTC"), baseUrl, null, null), env);
    }

    @Test
    void localhost_in_the_postgres_production_profile_is_warned_about() {
        assertThat(check("http://localhost:8080", "postgres").localBaseUrlInProduction()).contains("http://localhost:8080");
        assertThat(check("http://127.0.0.1:8080/", "production").localBaseUrlInProduction()).isPresent();
    }

    @Test
    void a_real_address_in_production_or_localhost_on_a_developer_machine_is_fine() {
        assertThat(check("https://audit.example.com", "postgres").localBaseUrlInProduction()).isEmpty();
        assertThat(check("http://localhost:8080").localBaseUrlInProduction()).isEmpty();
    }

    /** Without AUDITFLOW_BASE_URL, links in mails, feeds and the SCIM page name the port the app runs on. */
    @Test
    void the_default_base_url_follows_the_port_the_app_listens_on() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("walk", Map.of("PORT", "8099")));
        yaml.forEach(env.getPropertySources()::addLast);
        assertThat(env.getProperty("auditflow.base-url")).isEqualTo("http://localhost:8099");
        assertThat(env.getProperty("server.port")).isEqualTo("8099");
    }
}
