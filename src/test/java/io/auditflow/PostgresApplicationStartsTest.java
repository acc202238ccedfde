package io.auditflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresIntegrationTest
class PostgresApplicationStartsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramService programs;

    @Test
    void app_starts_on_embedded_postgresql_with_every_migration_and_stores_programs() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = false", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
        assertThat(engine.getIdentityService().createUserQuery().userId("manager").count()).isEqualTo(1);

        Program created = SystemAuthentication.call(() -> programs.create(new ProgramRequest("PG SOC 2",
                Framework.SOC2_TYPE2, EnumSet.of(TrustCategory.SECURITY, TrustCategory.PRIVACY), "scope", null,
                "manager", "grc")));
        assertThat(programs.get(created.id()).criteria()).containsExactlyInAnyOrder(TrustCategory.SECURITY,
                TrustCategory.PRIVACY);
    }
}
