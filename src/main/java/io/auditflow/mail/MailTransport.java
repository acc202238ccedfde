package io.auditflow.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;

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
}
