package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
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
}
