package io.auditflow.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import jakarta.mail.Transport;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/** SMTP through Spring's {@code spring.mail.*} settings (host, port, user, password, TLS). */
public class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    public SmtpMailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    /** A transport for {@code spring.mail.*}; one that holds every mail when {@code spring.mail.host} is empty. */
    public static MailTransport fromEnvironment(Environment env) {
        String host = env.getProperty("spring.mail.host", "");
        if (!StringUtils.hasText(host)) {
            return new NoSmtpServer();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host.trim());
        sender.setPort(env.getProperty("spring.mail.port", Integer.class, 25));
        String user = env.getProperty("spring.mail.username", "");
        if (StringUtils.hasText(user)) {
            sender.setUsername(user);
            sender.setPassword(env.getProperty("spring.mail.password", ""));
        }
        sender.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        for (String key : new String[] {"mail.smtp.auth", "mail.smtp.starttls.enable", "mail.smtp.starttls.required",
                "mail.smtp.ssl.enable", "mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
            String value = env.getProperty("spring.mail.properties." + key);
            if (value != null) {
                props.put(key, value);
            }
        }
        sender.setJavaMailProperties(props);
        return new SmtpMailTransport(sender);
    }

    /** A transport for tests and tools that talk to one plain SMTP server. */
    public static SmtpMailTransport plain(String host, int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(props);
        return new SmtpMailTransport(sender);
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public MimeMessage createMessage(String messageId) {
        return new StableIdMessage(sender.getSession(), messageId);
    }

    @Override
    public Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
        Map<MimeMessage, Exception> failed = new IdentityHashMap<>();
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, cause) -> failed.put((MimeMessage) message, cause));
            if (failed.isEmpty()) {
                messages.forEach(m -> failed.put(m, e));
            }
        } catch (MailException e) {
            messages.forEach(m -> failed.put(m, e));
        }
        return failed;
    }

    /**
     * One connection, one message at a time: {@code accepted} runs after the server's reply to each
     * message's data and before the next message is sent. A connection that breaks is opened again
     * once for the remaining messages.
     */
    @Override
    public Map<MimeMessage, Exception> send(List<MimeMessage> messages, Consumer<MimeMessage> accepted) {
        Map<MimeMessage, Exception> failed = new IdentityHashMap<>();
        Transport transport = null;
        try {
            for (int i = 0; i < messages.size(); i++) {
                MimeMessage message = messages.get(i);
                try {
                    if (transport == null || !transport.isConnected()) {
                        transport = connect(transport);
                    }
                } catch (MessagingException e) {
                    for (int j = i; j < messages.size(); j++) {
                        failed.put(messages.get(j), new MailSendException("Cannot connect to the SMTP server", e));
                    }
                    break;
                }
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    failed.put(message, e);
                    continue;
                }
                accepted.accept(message);
            }
        } finally {
            close(transport);
        }
        return failed;
    }

    private Transport connect(Transport previous) throws MessagingException {
        close(previous);
        Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the mails' results are known; a failed QUIT changes none of them
            }
        }
    }

    /** No server configured: nothing can be sent. */
    static final class NoSmtpServer implements MailTransport {
        private final Session session = Session.getInstance(new Properties());

        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public MimeMessage createMessage(String messageId) {
            return new StableIdMessage(session, messageId);
        }

        @Override
        public Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
            throw new IllegalStateException("No SMTP server configured");
        }
    }

    /** Keeps the outbox's Message-ID, so a retried mail is recognisably the same mail. */
    static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
