package io.auditflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.program.ProgramService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramService programs;

    @Test
    void app_starts_on_h2_with_every_migration_applied_and_the_engine_running() {
        Integer failed = jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" = false",
                Integer.class);
        Integer applied = jdbc.queryForObject("select count(*) from \"flyway_schema_history\"", Integer.class);
        assertThat(failed).isZero();
        assertThat(applied).isGreaterThanOrEqualTo(2);
        assertThat(engine.getName()).isNotBlank();
        assertThat(engine.getIdentityService().createGroupQuery().groupId("grc").count()).isEqualTo(1);
        assertThat(programs.list(false)).extracting(p -> p.name()).contains("Acme Cloud SOC 2 Type II");
    }
}
