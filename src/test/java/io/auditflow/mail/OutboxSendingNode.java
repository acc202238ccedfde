package io.auditflow.mail;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Runs in its own JVM (see OutboxCrashTest): a node's mail sender on the embedded H2 file database,
 * started the way the app starts it (release its own leases, then send everything that is due).
 * Arguments: database URL, SMTP port, node id.
 */
public final class OutboxSendingNode {

    public static void main(String[] args) {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.h2.Driver(), args[0], "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        MailSettings settings = new MailSettings("Auditflow <auditflow@test.example>", 500, 8, Duration.ofSeconds(1),
                Duration.ofHours(2), Duration.ofMinutes(5), 50, 4);
        OutboxSender sender = new OutboxSender(jdbc, SmtpMailTransport.plain("127.0.0.1", Integer.parseInt(args[1])),
                settings, Clock.systemUTC(), args[2]);
        System.out.println("released " + sender.releaseOwnLeases());
        System.out.flush();
        // One run sends everything due. On a loaded test machine an SMTP round trip can pass the 5 s
        // timeout; such a mail is retried after the (here 1 s) back-off, as the app would after its own.
        int sent = 0;
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        OutboxSender.Result result;
        do {
            result = sender.sendDue();
            sent += result.sent();
            System.out.println("run " + result);
            System.out.flush();
            if (result.retryLater() > 0) {
                sleep(Duration.ofSeconds(2));
            }
        } while ((result.claimed() > 0 || result.retryLater() > 0) && System.nanoTime() < end);
        System.out.println("sent " + sent);
        System.out.flush();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
