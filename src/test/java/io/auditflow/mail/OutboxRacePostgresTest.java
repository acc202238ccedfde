package io.auditflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.auditflow.PostgresIntegrationTest;
import io.auditflow.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two app instances on one PostgreSQL: two senders with their own owner ids race for the same outbox. */
@PostgresIntegrationTest
class OutboxRacePostgresTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailSettings settings;
    @Autowired
    TestClock clock;

    GreenMail smtp;
    int port;

    @BeforeEach
    void startSmtp() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.reset();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void two_instances_on_one_postgresql_send_each_mail_exactly_once() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int mails = 300;
        for (int i = 0; i < mails; i++) {
            assertThat(outbox.enqueue(new OutgoingMail(run + ":" + i, "TEST", null, "race" + i + "-" + run + "@test.example",
                    "Race " + i, "text", "<p>html</p>", null, null))).isTrue();
        }
        assertThat(outbox.enqueue(new OutgoingMail(run + ":0", "TEST", null, "race0-" + run + "@test.example",
                "Race again", "text", "<p>html</p>", null, null))).as("insert-if-absent on PostgreSQL").isFalse();

        // small batches so the two senders meet on the same rows again and again
        MailSettings small = new MailSettings(settings.from(), 25, settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), Duration.ofMinutes(5), 5, 2);
        OutboxSender a = new OutboxSender(jdbc, SmtpMailTransport.plain("127.0.0.1", port), small, clock, "instance-a-" + run);
        OutboxSender b = new OutboxSender(jdbc, SmtpMailTransport.plain("127.0.0.1", port), small, clock, "instance-b-" + run);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<OutboxSender.Result>> results = new ArrayList<>();
        for (OutboxSender sender : List.of(a, b)) {
            Callable<OutboxSender.Result> job = () -> {
                go.await();
                return sender.sendDue();
            };
            results.add(pool.submit(job));
        }
        go.countDown();
        int sent = 0;
        for (Future<OutboxSender.Result> r : results) {
            sent += r.get(120, TimeUnit.SECONDS).sent();
        }
        pool.shutdown();

        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().endsWith("-" + run + "@test.example")) {
                mine.add(m);
            }
        }
        // The PostgreSQL context is shared: mails queued by other tests may be due too, so the senders' total
        // is at least ours; exactly-once is what arrived for this run's addresses.
        assertThat(sent).isGreaterThanOrEqualTo(mails);
        assertThat(mine).hasSize(mails);
        assertThat(mine.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count()).isEqualTo(mails);
        Integer notSent = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key like ? and status <> 'SENT'",
                Integer.class, run + ":%");
        assertThat(notSent).isZero();
    }
}
