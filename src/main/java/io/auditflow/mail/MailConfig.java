package io.auditflow.mail;

import io.auditflow.common.NodeId;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the SMTP transport from {@code spring.mail.*} and this node's outbox sender. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    MailTransport mailTransport(Environment env) {
        return SmtpMailTransport.fromEnvironment(env);
    }

    @Bean
    OutboxSender outboxSender(JdbcTemplate jdbc, MailTransport transport, MailSettings settings, Clock clock,
                              Environment env) {
        // The node's own, stable name: after a crash it finds its leases again and releases them at once.
        return new OutboxSender(jdbc, transport, settings, clock, NodeId.resolve(env).value());
    }

    /** Mails this node had claimed when it died are due again at once, not when their lease runs out. */
    @Bean
    ApplicationRunner releaseOwnMailLeases(OutboxSender sender) {
        return args -> sender.releaseOwnLeases();
    }
}
