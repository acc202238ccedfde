package io.auditflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for integration tests that send real mail: one GreenMail SMTP server for all of them, and
 * {@code spring.mail.host/port} pointed at it. All subclasses share this method, so they share one
 * application context. Tests tell their mails apart by their own recipients.
 */
public abstract class GreenMailSupport {

    protected static final int SMTP_PORT = freePort();
    private static GreenMail greenMail = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** SMTP goes down: connections are refused until {@link #startSmtp()}. */
    protected static synchronized void stopSmtp() {
        greenMail.stop();
    }

    protected static synchronized void startSmtp() {
        greenMail = start();
    }

    /** Every message the server has received since it last started. */
    protected static synchronized List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Messages received for any of the addresses. */
    protected static List<MimeMessage> receivedFor(Set<String> addresses) {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage m : received()) {
            if (addressedTo(m, addresses)) {
                result.add(m);
            }
        }
        return result;
    }

    protected static boolean addressedTo(MimeMessage m, Set<String> addresses) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> addresses.contains(a.toString().toLowerCase()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString().toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
