package io.auditflow.notification;

import java.time.Instant;

/**
 * One notification as its reader sees it.
 *
 * @param subject what it is about, in words (the mail's subject or the task's name)
 * @param link    a path inside the app ({@code /inbox/task/...}), never another site
 */
public record Notification(long id, NotificationKind kind, String subject, String link, Instant createdAt, boolean read) {
}
