package io.auditflow.notification;

/** What a notification is about; the same events the mails carry. */
public enum NotificationKind {
    ASSIGNED, DUE_SOON, OVERDUE, ESCALATED, AUDIT_SOON, SENT_BACK, REQUEST_UPDATE
}
