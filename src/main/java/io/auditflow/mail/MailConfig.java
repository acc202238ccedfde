package io.auditflow.mail;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the SMTP transport from {@code spring.mail.*} and this instance's outbox sender. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    MailTransport mailTransport(Environment env) {
        return SmtpMailTransport.fromEnvironment(env);
    }

    @Bean
    OutboxSender outboxSender(JdbcTemplate jdbc, MailTransport transport, MailSettings settings, Clock clock) {
        return new OutboxSender(jdbc, transport, settings, clock, instanceName());
    }

    /** Host name plus a random part: unique per running instance, readable in the admin view. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
