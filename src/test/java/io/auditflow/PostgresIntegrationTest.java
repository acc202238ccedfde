package io.auditflow;

import io.auditflow.support.EmbeddedPostgresConfig;
import io.auditflow.support.TestClockConfig;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Like {@link IntegrationTest}, but on a real embedded PostgreSQL with the same migrations. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AuditflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfig.class, EmbeddedPostgresConfig.class})
public @interface PostgresIntegrationTest {
}
