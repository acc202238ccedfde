package io.auditflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

@IntegrationTest
class OutboxSenderTest extends GreenMailSupport {

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailSettings settings;
    @Autowired
    TestClock clock;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startAtAKnownTime() {
        clock.reset();
        // mails other tests left due must not wait behind ours
        sender.sendDue();
    }

    @Test
    void a_queued_mail_is_sent_once_as_multipart_alternative_with_a_stable_message_id() throws Exception {
        String address = "one-" + run + "@test.example";
        OutgoingMail mail = mail("k1", address, "<p>Hello</p>", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        assertThat(outbox.enqueue(mail)).isTrue();
        assertThat(outbox.enqueue(mail)).as("the same key a second time").isFalse();

        sender.sendDue();
        sender.sendDue();

        List<MimeMessage> got = receivedFor(Set.of(address));
        assertThat(got).hasSize(1);
        MimeMessage m = got.get(0);
        assertThat(m.getContentType()).startsWith("multipart/mixed");
        String structure = structure(m.getContent());
        assertThat(structure).contains("multipart/alternative", "text/plain", "text/html", "text/calendar");
        OutboxEntry row = entry("k1");
        assertThat(row.status()).isEqualTo(MailStatus.SENT);
        assertThat(m.getMessageID()).isEqualTo(row.messageId());
    }

    @Test
    void smtp_down_then_up_delivers_everything_once_after_back_off() {
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < 5; i++) {
            addresses.add("down-" + i + "-" + run + "@test.example");
            outbox.enqueue(mail("down" + i, "down-" + i + "-" + run + "@test.example", "<p>x</p>", null));
        }
        stopSmtp();
        try {
            sender.sendDue();
            for (int i = 0; i < 5; i++) {
                OutboxEntry e = entry("down" + i);
                assertThat(e.status()).isEqualTo(MailStatus.QUEUED);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.lastError()).isNotBlank();
                assertThat(e.nextAttemptAt()).isEqualTo(clock.instant().plus(settings.backoffAfter(1)));
            }
            clock.advance(settings.backoffAfter(1));
            sender.sendDue();
            assertThat(entry("down0").attempts()).isEqualTo(2);
            assertThat(entry("down0").nextAttemptAt()).as("the wait doubles")
                    .isEqualTo(clock.instant().plus(settings.backoffAfter(2)));
            assertThat(settings.backoffAfter(2)).isEqualTo(settings.backoffAfter(1).multipliedBy(2));
        } finally {
            startSmtp();
        }
        sender.sendDue();
        assertThat(receivedFor(addresses)).as("not due yet: back-off still running").isEmpty();

        clock.advance(settings.backoffAfter(2));
        sender.sendDue();
        sender.sendDue();
        List<MimeMessage> got = receivedFor(addresses);
        assertThat(got).hasSize(5);
        assertThat(got.stream().map(GreenMailSupport::to).collect(Collectors.toSet())).isEqualTo(addresses);
        assertThat(entry("down3").status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void a_bad_address_is_marked_failed_with_its_reason_and_does_not_block_the_others() {
        String good1 = "good1-" + run + "@test.example";
        String good2 = "good2-" + run + "@test.example";
        outbox.enqueue(mail("good1", good1, "<p>x</p>", null));
        outbox.enqueue(mail("bad", "not an address@@example..", "<p>x</p>", null));
        outbox.enqueue(mail("good2", good2, "<p>x</p>", null));

        sender.sendDue();

        assertThat(receivedFor(Set.of(good1, good2))).hasSize(2);
        OutboxEntry bad = entry("bad");
        assertThat(bad.status()).isEqualTo(MailStatus.FAILED);
        assertThat(bad.lastError()).startsWith("Invalid address");
        assertThat(entry("good1").status()).isEqualTo(MailStatus.SENT);
        assertThat(entry("good2").status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void a_restart_in_the_middle_of_sending_loses_and_duplicates_nothing() {
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < 12; i++) {
            String address = "crash-" + i + "-" + run + "@test.example";
            addresses.add(address);
            outbox.enqueue(mail("crash" + i, address, "<p>x</p>", null));
        }
        // A sender that delivers its first connection's worth of mail, then dies (the JVM stops).
        MailSettings small = new MailSettings(settings.from(), 100, settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), Duration.ofMinutes(5), 5, 1);
        SmtpMailTransport smtp = SmtpMailTransport.plain("127.0.0.1", SMTP_PORT);
        MailTransport dying = new MailTransport() {
            int calls;

            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public MimeMessage createMessage(String messageId) {
                return smtp.createMessage(messageId);
            }

            @Override
            public Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
                if (++calls > 1) {
                    throw new SimulatedCrash();
                }
                return smtp.send(messages);
            }
        };
        OutboxSender crashing = new OutboxSender(jdbc, dying, small, clock, "crashing-" + run);
        try {
            crashing.sendDue();
        } catch (SimulatedCrash expected) {
            // the process is gone; its leases stay behind
        }
        int delivered = receivedFor(addresses).size();
        assertThat(delivered).isBetween(1, 5);
        long leftSending = rows("crash").stream().filter(e -> e.status() == MailStatus.SENDING).count();
        assertThat(leftSending).isEqualTo(12 - delivered);

        OutboxSender restarted = new OutboxSender(jdbc, smtp, settings, clock, "restarted-" + run);
        restarted.sendDue();
        assertThat(receivedFor(addresses)).as("leases still valid: nobody else may send").hasSize(delivered);

        clock.advance(Duration.ofMinutes(6));
        restarted.sendDue();
        List<MimeMessage> got = receivedFor(addresses);
        assertThat(got).hasSize(12);
        assertThat(got.stream().map(GreenMailSupport::to).collect(Collectors.toSet())).isEqualTo(addresses);
        assertThat(rows("crash")).allSatisfy(e -> assertThat(e.status()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void without_an_smtp_server_mails_are_held_and_go_out_once_a_server_is_configured() {
        String address = "held-" + run + "@test.example";
        outbox.enqueue(mail("held", address, "<p>x</p>", null));
        OutboxSender noServer = new OutboxSender(jdbc, SmtpMailTransport.fromEnvironment(new MockEnvironment()
                .withProperty("spring.mail.host", "")), settings, clock, "no-smtp-" + run);
        noServer.sendDue();
        OutboxEntry held = entry("held");
        assertThat(held.status()).isEqualTo(MailStatus.HELD);
        assertThat(held.lastError()).isEqualTo("Not sent: no SMTP server configured");
        assertThat(receivedFor(Set.of(address))).isEmpty();

        OutboxSender configured = new OutboxSender(jdbc, SmtpMailTransport.fromEnvironment(new MockEnvironment()
                .withProperty("spring.mail.host", "127.0.0.1").withProperty("spring.mail.port", String.valueOf(SMTP_PORT))),
                settings, clock, "smtp-" + run);
        configured.sendDue();
        assertThat(receivedFor(Set.of(address))).hasSize(1);
        assertThat(entry("held").status()).isEqualTo(MailStatus.SENT);
    }

    private OutgoingMail mail(String key, String address, String html, String ics) {
        return new OutgoingMail(run + ":" + key, "TEST", null, address, "Test " + key, "Hello " + key, html, ics,
                "http://localhost/x");
    }

    private OutboxEntry entry(String key) {
        return jdbc.query("select " + MailOutbox.COLUMNS + " from mail_outbox where dedup_key = ?", MailOutbox.ENTRY,
                run + ":" + key).get(0);
    }

    private List<OutboxEntry> rows(String keyPrefix) {
        return jdbc.query("select " + MailOutbox.COLUMNS + " from mail_outbox where dedup_key like ?", MailOutbox.ENTRY,
                run + ":" + keyPrefix + "%");
    }

    private static String structure(Object content) throws Exception {
        List<String> types = new ArrayList<>();
        collect(content, types);
        return String.join(" ", types);
    }

    private static void collect(Object content, List<String> types) throws Exception {
        if (content instanceof Multipart mp) {
            types.add(mp.getContentType().toLowerCase());
            for (int i = 0; i < mp.getCount(); i++) {
                types.add(mp.getBodyPart(i).getContentType().toLowerCase());
                collect(mp.getBodyPart(i).getContent(), types);
            }
        }
    }

    static final class SimulatedCrash extends Error {
    }
}
