package io.auditflow.mail;

import io.auditflow.common.Phrase;
import java.util.Objects;

/**
 * A mail to put in the outbox. {@code dedupKey} names the event and the recipient (for example
 * {@code TASK_DUE:4711:0:alice}); the outbox keeps only the first mail with a key.
 *
 * @param recipientEmail null when the person has no address: the mail is kept as failed, so admins see it
 * @param ics            an iCalendar document (text/calendar) to attach, or null
 * @param attachment     one file to attach (the board report PDF), or null
 * @param subjectWords   the subject as a bundle key and arguments, or null (then notifications keep {@code subject})
 */
public record OutgoingMail(String dedupKey, String category, String recipientUsername, String recipientEmail,
                           String subject, String text, String html, String ics, String link, Attachment attachment,
                           Phrase subjectWords) {

    /** A mail without a file attached. */
    public OutgoingMail(String dedupKey, String category, String recipientUsername, String recipientEmail,
                        String subject, String text, String html, String ics, String link) {
        this(dedupKey, category, recipientUsername, recipientEmail, subject, text, html, ics, link, null, null);
    }

    public OutgoingMail(String dedupKey, String category, String recipientUsername, String recipientEmail,
                        String subject, String text, String html, String ics, String link, Attachment attachment) {
        this(dedupKey, category, recipientUsername, recipientEmail, subject, text, html, ics, link, attachment, null);
    }

    /**
     * The same mail with its subject as a key and arguments as well (decision 0181), so the notification that
     * follows it is worded for its reader when it is read, not in the language the mail was written in.
     */
    public OutgoingMail withSubjectWords(Phrase words) {
        return new OutgoingMail(dedupKey, category, recipientUsername, recipientEmail, subject, text, html, ics, link,
                attachment, words);
    }

    /**
     * A file sent with the mail. Its name is a plain file name (letters, digits, dot, dash, underscore)
     * so no header can be smuggled through it; its size is capped because every mail server caps it too.
     */
    public record Attachment(String filename, String contentType, byte[] content) {

        /** Most mail servers refuse messages over 10 MB; Base64 makes the file a third larger. */
        public static final int MAX_BYTES = 5 * 1024 * 1024;

        public Attachment {
            Objects.requireNonNull(content, "content");
            if (filename == null || !filename.matches("[A-Za-z0-9._-]{1,200}")) {
                throw new IllegalArgumentException("An attachment needs a plain file name: " + filename);
            }
            if (contentType == null || !contentType.matches("[a-z]+/[a-z0-9.+-]+")) {
                throw new IllegalArgumentException("An attachment needs a plain content type: " + contentType);
            }
            if (content.length > MAX_BYTES) {
                throw new IllegalArgumentException("An attachment may have at most " + MAX_BYTES + " bytes, not "
                        + content.length);
            }
        }
    }
}
