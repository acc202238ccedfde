package io.auditflow.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The way out to an SMTP server, or none when no server is configured. */
public interface MailTransport {

    /** False when no SMTP server is configured: mails are kept (held), not sent. */
    boolean configured();

    /** A new empty message whose Message-ID header stays the one given, whatever JavaMail does on save. */
    MimeMessage createMessage(String messageId);

    /**
     * Sends the messages over one connection. Returns the ones that failed with the reason; an empty
     * map means the server accepted every message.
     */
    Map<MimeMessage, Exception> send(List<MimeMessage> messages);

    /**
     * Sends the messages over one connection and calls {@code accepted} right after the server
     * accepted each one, before the next goes out, so the caller can record it at once. Returns the
     * ones that failed. This default reports the accepted ones only after the whole connection.
     */
    default Map<MimeMessage, Exception> send(List<MimeMessage> messages, Consumer<MimeMessage> accepted) {
        Map<MimeMessage, Exception> failed = send(messages);
        for (MimeMessage m : messages) {
            if (!failed.containsKey(m)) {
                accepted.accept(m);
            }
        }
        return failed;
    }
}
