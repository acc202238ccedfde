package io.auditflow.common;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** ShedLock on the application's database (Flyway V100), locked by this node's stable name. */
@Configuration(proxyBeanMethods = false)
class ClusterLockConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource, Environment env) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(NodeId.resolve(env).value())
                .build());
    }

    @Bean
    ClusterLock clusterLock(LockProvider lockProvider) {
        return new ClusterLock(lockProvider);
    }
}
