package io.auditflow.common;

/**
 * Published in the queuing transaction when a new mail entered the outbox (not for a duplicate
 * key), so other features (in-app notifications) can follow the same event without depending on mail.
 * {@code subjectWords} is the subject as a key and arguments when the mail gave them (decision 0181), else null.
 */
public record MailQueued(String dedupKey, String category, String recipientUsername, String subject, String link,
                         Phrase subjectWords) {
}
