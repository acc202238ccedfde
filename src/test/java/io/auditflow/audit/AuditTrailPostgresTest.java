package io.auditflow.audit;

import io.auditflow.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The head-row lock serialises appends on PostgreSQL too. */
@PostgresIntegrationTest
class AuditTrailPostgresTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;

    @Test
    void concurrent_appends_on_postgresql_form_one_unbroken_chain() throws Exception {
        AuditChainChecks.concurrentAppendsFormOneChain(trail, jdbc);
    }
}
