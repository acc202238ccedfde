package io.auditflow.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the mail sender under {@code auditflow.mail.*}. The SMTP server itself comes from
 * Spring's {@code spring.mail.*} (host, port, user, password, TLS).
 *
 * @param from            sender address of every mail
 * @param batchSize       how many due mails one sender run claims at most
 * @param maxAttempts     failed attempts after which a mail is marked failed for good
 * @param initialBackoff  wait after the first failed attempt; doubles with each further one
 * @param maxBackoff      the longest wait between two attempts
 * @param lease           how long a claimed mail stays with its sender before another may take it over
 * @param perConnection   how many mails go over one SMTP connection
 * @param connections     how many SMTP connections one sender uses at once
 */
@ConfigurationProperties(prefix = "auditflow.mail")
public record MailSettings(String from, Integer batchSize, Integer maxAttempts, Duration initialBackoff,
                           Duration maxBackoff, Duration lease, Integer perConnection,
                           Integer connections) {

    public MailSettings {
        from = from == null || from.isBlank() ? "Auditflow <auditflow@localhost>" : from;
        batchSize = batchSize == null ? 500 : batchSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMinutes(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(2) : maxBackoff;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        perConnection = perConnection == null ? 50 : perConnection;
        connections = connections == null || connections < 1 ? 4 : connections;
    }

    /** The wait before attempt {@code failedAttempts + 1}: 1, 2, 4, 8 ... times the initial back-off. */
    public Duration backoffAfter(int failedAttempts) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration wait = initialBackoff.multipliedBy(1L << exponent);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
