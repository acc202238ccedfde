package io.auditflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.identity.UserService;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import io.auditflow.support.EmbeddedPostgresConfig;
import io.auditflow.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** The production profile: no demo users or programs; the first admin comes from the environment. */
@SpringBootTest(classes = AuditflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"DB_URL=jdbc:postgresql://replaced-by-the-embedded-server/auditflow", "DB_USER=unused",
                "DB_PASSWORD=unused", "AUDITFLOW_ADMIN_USERNAME=Root-Admin", "AUDITFLOW_ADMIN_PASSWORD=a-long-secret-1"})
@ActiveProfiles({"test", "postgres"})
@Import({TestClockConfig.class, EmbeddedPostgresConfig.class})
class PostgresProfileTest {

    @Autowired
    UserService users;
    @Autowired
    ProgramService programs;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void the_postgres_profile_has_no_demo_data_and_takes_the_first_admin_from_the_environment() {
        assertThat(users.findUser("manager")).isEmpty();
        assertThat(users.findUser("admin")).isEmpty();
        assertThat(programs.list(true)).isEmpty();
        assertThat(users.listUsers()).singleElement().satisfies(u -> {
            assertThat(u.username()).isEqualTo("root-admin");
            assertThat(u.roles()).containsExactly(Role.ADMIN);
        });
        assertThat(encoder.matches("a-long-secret-1", userDetails.loadUserByUsername("root-admin").getPassword())).isTrue();
        assertThat(encoder.matches("demo", userDetails.loadUserByUsername("root-admin").getPassword())).isFalse();
    }
}
