package io.auditflow.mail;

/**
 * A mail to put in the outbox. {@code dedupKey} names the event and the recipient (for example
 * {@code TASK_DUE:4711:0:alice}); the outbox keeps only the first mail with a key.
 *
 * @param recipientEmail null when the person has no address: the mail is kept as failed, so admins see it
 * @param ics            an iCalendar document (text/calendar) to attach, or null
 */
public record OutgoingMail(String dedupKey, String category, String recipientUsername, String recipientEmail,
                           String subject, String text, String html, String ics, String link) {
}
