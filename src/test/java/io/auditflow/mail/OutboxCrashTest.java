package io.auditflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.operations.EmbeddedDatabase;
import io.auditflow.support.ChildJvm;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Issue 15 item 1, decision 0040: a node is killed with {@code kill -9} in the middle of a batch
 * (a real second JVM on the embedded default's H2 file database, four SMTP connections to GreenMail).
 * When it starts again under the same node id it releases its leases at once, and every mail
 * arrives, with at most one duplicate per connection.
 */
class OutboxCrashTest {

    static final int MAILS = 240;
    static final int CONNECTIONS = 4;

    @TempDir
    Path dir;
    GreenMail smtp;
    int port;
    String url;

    @BeforeEach
    void prepare() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        url = EmbeddedDatabase.urlIn(dir);
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        MailOutbox outbox = new MailOutbox(new JdbcTemplate(db), Clock.systemUTC(),
                new AuditflowProperties(null, "https://audit.example.com", null, null), event -> { });
        for (int i = 0; i < MAILS; i++) {
            outbox.enqueue(new OutgoingMail("crash:" + i, "TEST", null, "person" + i + "@test.example", "Mail " + i,
                    "text " + i, "<p>html " + i + "</p>", null, null));
        }
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void a_node_killed_mid_batch_sends_every_mail_again_at_once_with_at_most_one_duplicate_per_connection()
            throws Exception {
        try (ChildJvm node = ChildJvm.start(OutboxSendingNode.class, dir.resolve("node-1.log"), List.of(), url,
                String.valueOf(port), "node-a")) {
            waitForReceived(40, Duration.ofSeconds(120));
            node.killHard();
            assertThat(node.lines()).noneMatch(l -> l.startsWith("sent "));
        }
        int beforeRestart = smtp.getReceivedMessages().length;
        assertThat(beforeRestart).as("killed mid-batch").isLessThan(MAILS);
        JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
        int sentRows = jdbc.queryForObject("select count(*) from mail_outbox where status = 'SENT'", Integer.class);
        int leased = jdbc.queryForObject("select count(*) from mail_outbox where status = 'SENDING' and lease_owner = 'node-a'",
                Integer.class);
        assertThat(leased).as("the dead node's claims are still leased").isPositive();
        assertThat(beforeRestart - sentRows).as("accepted by the server but not marked sent: one per connection at most")
                .isBetween(0, CONNECTIONS);

        String nodeLog;
        // The same node starts again within the 5-minute lease: it takes its own mails back at once.
        try (ChildJvm again = ChildJvm.start(OutboxSendingNode.class, dir.resolve("node-2.log"), List.of(), url,
                String.valueOf(port), "node-a")) {
            assertThat(again.waitForExit(Duration.ofSeconds(180))).isZero();
            assertThat(again.lines()).contains("released " + leased);
            nodeLog = String.join("\n", again.lines());
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Integer> perMessageId = new HashMap<>();
        for (MimeMessage m : received) {
            perMessageId.merge(m.getMessageID(), 1, Integer::sum);
        }
        assertThat(perMessageId).as("every mail once; the restarted node said:\n" + nodeLog).hasSize(MAILS);
        assertThat(perMessageId.keySet()).allMatch(id -> id.endsWith("@audit.example.com>"));
        int duplicates = received.length - MAILS;
        assertThat(duplicates).as("duplicates after kill -9").isBetween(0, CONNECTIONS);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'SENT'", Integer.class))
                .isEqualTo(MAILS);
        System.out.println("OutboxCrashTest: " + beforeRestart + " received before kill -9, " + sentRows
                + " marked sent, " + leased + " leased by the dead node, " + duplicates + " duplicates in the end");
    }

    private void waitForReceived(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Only " + smtp.getReceivedMessages().length + " mails arrived");
            }
            Thread.sleep(2);
        }
    }
}
