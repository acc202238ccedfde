package io.auditflow.mail;

import java.time.Instant;

/** One row of the outbox as the admin view shows it. */
public record OutboxEntry(long id, String dedupKey, String category, String recipientUsername, String recipientEmail,
                          String subject, String link, String messageId, MailStatus status, int attempts, int resends,
                          Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, String lastError,
                          Instant createdAt, Instant sentAt) {
}
